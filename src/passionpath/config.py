"""One settings object for the whole product, read from ``PASSIONPATH_*`` environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

APP_NAME = "passionpath"

#: The O*NET Resource Center publishes each text release at this address, with the
#: release number written with underscores (30.0 -> 30_0).
ONET_DOWNLOAD_TEMPLATE = "https://www.onetcenter.org/dl_files/database/db_{release}_text.zip"


class Settings(BaseSettings):
    """Runtime configuration. Every field maps to ``PASSIONPATH_<FIELD>``."""

    model_config = SettingsConfigDict(env_prefix="PASSIONPATH_", extra="ignore")

    data_dir: Path = Field(default_factory=lambda: Path(user_data_dir(APP_NAME, appauthor=False)))
    cache_dir: Path = Field(default_factory=lambda: Path(user_cache_dir(APP_NAME, appauthor=False)))
    database_url: str | None = None
    onet_download_url: str = ONET_DOWNLOAD_TEMPLATE
    #: Sentence embedder: ``auto`` (MiniLM when installed), ``minilm`` or ``lexical``.
    text_model: str = "auto"

    # Matching weights (see passionpath.match): passion = interest and text evidence,
    # qualification = skills/knowledge and preparation; values scale the combined score.
    match_interest_weight: float = Field(default=0.3, ge=0)
    match_text_weight: float = Field(default=0.7, ge=0)
    match_skills_weight: float = Field(default=0.7, ge=0)
    match_preparation_weight: float = Field(default=0.3, ge=0)
    match_values_weight: float = Field(default=0.15, ge=0, le=1)
    match_congruence: str = "correlation"
    match_study_weight: float = Field(default=0.15, ge=0, le=1)

    # Web service. Set a long random secret in production; it signs session cookies.
    secret_key: str = "dev-only-change-me"
    allowed_hosts: list[str] = Field(default_factory=lambda: ["*"])
    #: Mark cookies Secure (set when served behind HTTPS).
    secure_cookies: bool = False
    #: Load the catalog and models in the background when the server starts.
    warm_up: bool = True

    @property
    def resolved_database_url(self) -> str:
        """The configured URL, or a SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'passionpath.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()

"""The attribution text O*NET's license asks for, shown wherever O*NET data is displayed."""

from __future__ import annotations

ONET_ATTRIBUTION = (
    "This product includes information from the O*NET {version} Database by the U.S. "
    "Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the "
    "CC BY 4.0 license. O*NET(R) is a trademark of USDOL/ETA."
)

#: Said by every face; each adds its own way to import the real database (a command, a page).
STARTER_NOTICE = (
    "Approximate starter catalog: descriptions and ratings are the passionpath team's own "
    "estimates, not O*NET data."
)


def attribution_for(version: str) -> str:
    if version == "unknown":
        return ONET_ATTRIBUTION.replace("O*NET {version} Database", "O*NET Database")
    return ONET_ATTRIBUTION.format(version=version)

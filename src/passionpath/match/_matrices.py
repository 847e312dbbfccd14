"""The catalog as aligned numpy matrices, loaded once per database and release.

Row i of every matrix is occupation ``codes[i]``. Missing ratings are NaN; ``has_interests``
and ``has_skills`` say which rows can be matched on each axis.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import select

from passionpath.catalog import RIASEC_ELEMENTS, EmptyCatalogError, current_release, rating_matrix
from passionpath.match._explore import TextIndex
from passionpath.match._scoring import normalise_rows
from passionpath.store import models as m

if TYPE_CHECKING:
    from passionpath.context import Context

F32 = NDArray[np.float32]
VALUE_ELEMENTS = ["1.B.2.a", "1.B.2.b", "1.B.2.c", "1.B.2.d", "1.B.2.e", "1.B.2.f"]
EDUCATION_CATEGORIES = 12
CACHE_VERSION = 8


@dataclass
class CatalogMatrices:
    codes: NDArray[np.str_]
    titles: list[str]
    descriptions: list[str]
    riasec_codes: list[str]
    job_zone: F32
    interests: F32
    #: Skills then knowledge, in element-id order.
    descriptor_ids: list[str]
    descriptor_names: list[str]
    descriptor_kinds: list[str]
    importance: F32
    level: F32
    values: F32
    styles: F32
    #: Share of incumbents (0-1) at each required-education category 1..12.
    education: F32
    #: Technology examples per occupation, as a 0/1 matrix (hot ones weigh 2).
    technology: F32
    #: L2-normalised title, description and task-centroid vectors (zero where absent).
    title_vectors: F32
    description_vectors: F32
    task_centroids: F32
    task_vectors: F32
    task_owner: NDArray[np.int64]
    task_texts: list[str]
    release_sha: str
    model_id: str
    #: Rows whose skill and knowledge ratings were estimated from similar occupations.
    imputed: NDArray[np.bool_]
    #: Free text -> occupations (explore, and passion text in matching); None without tasks.
    text_index: TextIndex | None = None
    #: The other names each occupation goes by (O*NET's alternate and short titles), one
    #: string per occupation: lexical evidence for people who name the job they want
    #: ("UX" is in no task statement of Web and Digital Interface Designers).
    alternate_titles: list[str] = field(default_factory=list)
    index: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.index = {str(code): i for i, code in enumerate(self.codes)}

    @cached_property
    def has_interests(self) -> NDArray[np.bool_]:
        return np.asarray(~np.isnan(self.interests).any(axis=1))

    @cached_property
    def has_skills(self) -> NDArray[np.bool_]:
        return np.asarray(~np.isnan(self.level).all(axis=1))

    @cached_property
    def matchable(self) -> NDArray[np.bool_]:
        return self.has_interests & self.has_skills

    def documents(self, task_mask: NDArray[np.bool_] | None = None) -> list[str]:
        """Each occupation's own words (title twice, description, its other titles, tasks)
        for lexical search."""
        others = self.alternate_titles or [""] * len(self.titles)
        parts = [
            [t, t, d, a] for t, d, a in zip(self.titles, self.descriptions, others, strict=True)
        ]
        keep = np.ones(len(self.task_texts), bool) if task_mask is None else task_mask
        for i in np.flatnonzero(keep):
            parts[int(self.task_owner[i])].append(self.task_texts[i])
        return [" ".join(p) for p in parts]


def _aligned(
    codes: NDArray[np.str_],
    matrix: NDArray[np.float32],
    matrix_codes: NDArray[np.str_],
    columns: int,
) -> F32:
    out = np.full((codes.size, columns), np.nan, dtype=np.float32)
    if matrix_codes.size:
        rows = np.searchsorted(codes, matrix_codes)
        out[rows] = matrix
    return out


def _columns(matrix: NDArray[np.float32], ids: NDArray[np.str_], wanted: list[str]) -> F32:
    position = {str(e): i for i, e in enumerate(ids)}
    out = np.full((matrix.shape[0], len(wanted)), np.nan, dtype=np.float32)
    for j, element in enumerate(wanted):
        if element in position:
            out[:, j] = matrix[:, position[element]]
    return out


IMPUTE_NEIGHBOURS = 3


def impute_ratings(
    importance: F32, level: F32, descriptions: F32, rated: NDArray[np.bool_]
) -> tuple[F32, F32, NDArray[np.bool_]]:
    """Give unrated occupations (new ones often have interests and tasks but no skill
    ratings yet) the mean ratings of the three rated occupations whose descriptions are
    most similar, so they can still be matched. Returns the filled matrices and the mask
    of rows that were estimated."""
    missing = ~rated & (np.linalg.norm(descriptions, axis=1) > 0)
    if not missing.any() or not rated.any():
        return importance, level, np.zeros(rated.size, bool)
    donors = np.flatnonzero(rated)
    similarity = descriptions[missing] @ descriptions[donors].T
    nearest = donors[np.argsort(-similarity, axis=1)[:, :IMPUTE_NEIGHBOURS]]
    importance, level = importance.copy(), level.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a descriptor no donor rates stays NaN
        importance[missing] = np.nanmean(importance[nearest], axis=1)
        level[missing] = np.nanmean(level[nearest], axis=1)
    return importance, level, missing


def build_matrices(ctx: Context) -> CatalogMatrices:
    """The matrices read afresh from the database (``load_matrices`` is the cached way)."""
    from passionpath.text import embed_catalog, get_embedder

    engine = ctx.engine
    release = current_release(engine)
    if release is None:
        raise EmptyCatalogError()
    with engine.connect() as conn:
        occupations = conn.execute(
            select(
                m.Occupation.code,
                m.Occupation.title,
                m.Occupation.job_zone,
                m.Occupation.riasec_code,
                m.Occupation.description,
            ).order_by(m.Occupation.code)
        ).all()
        education_rows = conn.execute(
            select(m.EteValue.occupation_code, m.EteValue.category, m.EteValue.value).where(
                m.EteValue.scale_id == "RL"
            )
        ).all()
        tech_rows = conn.execute(
            select(m.Technology.occupation_code, m.Technology.example, m.Technology.hot)
        ).all()
        alternate_rows = conn.execute(
            select(
                m.AlternateTitle.occupation_code,
                m.AlternateTitle.title,
                m.AlternateTitle.short_title,
            )
        ).all()
    codes = np.asarray([o[0] for o in occupations])
    n = codes.size

    def domain(name: str, scale: str, wanted: list[str] | None = None) -> tuple[F32, list[str]]:
        found = rating_matrix(name, scale, engine)
        ids = list(map(str, found.element_ids)) if wanted is None else wanted
        values = found.values if wanted is None else _columns(found.values, found.element_ids, ids)
        return _aligned(codes, values, found.codes, len(ids)), ids

    interests, _ = domain("interests", "OI", list(RIASEC_ELEMENTS))
    skill_lv, skill_ids = domain("skills", "LV")
    skill_im, _ = domain("skills", "IM", skill_ids)
    know_lv, know_ids = domain("knowledge", "LV")
    know_im, _ = domain("knowledge", "IM", know_ids)
    values, _ = domain("work_values", "EX", VALUE_ELEMENTS)
    styles, _ = domain("work_styles", "IM")
    with engine.connect() as conn:
        names = dict(conn.execute(select(m.Descriptor.element_id, m.Descriptor.name)).all())

    education = np.zeros((n, EDUCATION_CATEGORIES), dtype=np.float32)
    row_of = {str(c): i for i, c in enumerate(codes)}
    for code, category, value in education_rows:
        if 1 <= category <= EDUCATION_CATEGORIES:
            education[row_of[code], category - 1] = value / 100.0
    job_zone = np.asarray(
        [o[2] if o[2] is not None else np.nan for o in occupations], dtype=np.float32
    )
    education = borrow_education(codes, job_zone, education)

    tech_names = sorted({t for _, t, _ in tech_rows})
    tech_col = {t: j for j, t in enumerate(tech_names)}
    technology = np.zeros((n, len(tech_names)), dtype=np.float32)
    for code, example, hot in tech_rows:
        technology[row_of[code], tech_col[example]] = 2.0 if hot else 1.0

    other_names: list[list[str]] = [[] for _ in range(n)]
    for code, title, short in alternate_rows:
        other_names[row_of[code]].extend(t for t in (title, short) if t)

    embedder = get_embedder(ctx.settings.text_model)
    texts, vectors, _ = embed_catalog(engine, embedder)
    owners = np.asarray([row_of[str(c)] for c in texts.codes], dtype=np.int64)
    dim = vectors.shape[1]

    def by_kind(kind: str) -> F32:
        out = np.zeros((n, dim), dtype=np.float32)
        mask = texts.kinds == kind
        np.add.at(out, owners[mask], vectors[mask])
        return normalise_rows(out)

    task_mask = texts.kinds == "task"
    description_vectors = by_kind("description")
    importance, level = np.hstack([skill_im, know_im]), np.hstack([skill_lv, know_lv])
    importance, level, imputed = impute_ratings(
        importance, level, description_vectors, np.asarray(~np.isnan(level).all(axis=1))
    )
    matrices = CatalogMatrices(
        codes=codes,
        titles=[o[1] for o in occupations],
        descriptions=[o[4] or "" for o in occupations],
        riasec_codes=[o[3] or "" for o in occupations],
        job_zone=job_zone,
        interests=interests,
        descriptor_ids=skill_ids + know_ids,
        descriptor_names=[names.get(e, e) for e in skill_ids + know_ids],
        descriptor_kinds=["skill"] * len(skill_ids) + ["knowledge"] * len(know_ids),
        importance=importance,
        level=level,
        values=values,
        styles=styles,
        education=education,
        technology=technology,
        title_vectors=by_kind("title"),
        description_vectors=description_vectors,
        task_centroids=by_kind("task"),
        task_vectors=vectors[task_mask],
        task_owner=owners[task_mask],
        task_texts=[t for t, k in zip(texts.texts, texts.kinds, strict=True) if k == "task"],
        release_sha=release.content_sha256,
        model_id=embedder.model_id,
        imputed=imputed,
        alternate_titles=["; ".join(names) for names in other_names],
    )
    if matrices.task_owner.size:
        matrices.text_index = TextIndex.build(
            matrices.task_vectors,
            matrices.task_owner,
            matrices.description_vectors,
            matrices.title_vectors,
            matrices.documents(),
        )
    return matrices


def load_matrices(ctx: Context) -> CatalogMatrices:
    """The matrices for the loaded release, built on first use and cached in the context's
    memory and its cache directory, keyed by the release's content hash and the text model."""
    from passionpath.text import get_embedder

    release = current_release(ctx.engine)
    if release is None:
        raise EmptyCatalogError()
    sha, model_id = release.content_sha256, get_embedder(ctx.settings.text_model).model_id
    name, key = f"matrices-v{CACHE_VERSION}", f"{sha[:16]}-{model_id}"

    def from_disk() -> CatalogMatrices:
        return ctx.disk.load_or_build(
            name,
            key,
            lambda: build_matrices(ctx),
            lambda found: isinstance(found, CatalogMatrices) and found.release_sha == sha,
        )

    return ctx.shared.get_or_make("matrices", (sha, model_id), from_disk, limit=2)


def borrow_education(codes: NDArray[np.str_], job_zone: F32, education: F32) -> F32:
    """Education spreads for occupations the release has none for, borrowed from their
    nearest relatives that have one: the same SOC broad group (29-121x), else minor group
    (29-12), else major group (29-), preferring relatives in the same job zone; averaged.

    About one matchable occupation in fourteen of O*NET 30.0 lacks the spread (Emergency
    Medicine Physicians, Accountants and Auditors, Software Developers). Without it,
    preparation fell back to the job-zone gap alone, and a nurse read as two-thirds
    prepared to be a physician."""
    totals = education.sum(axis=1)
    known = totals > 0
    if known.all() or not known.any():
        return education
    spread = np.where(known[:, None], education / np.where(known, totals, 1.0)[:, None], 0.0)
    zones = np.nan_to_num(job_zone, nan=-1.0)
    groups = {width: np.asarray([str(c)[:width] for c in codes]) for width in (6, 4, 3)}
    out = education.copy()
    for row in np.flatnonzero(~known):
        for group in groups.values():
            kin = known & (group == group[row])
            same = kin & (zones == zones[row])
            pick = same if same.any() else kin
            if pick.any():
                out[row] = spread[pick].mean(axis=0)
                break
    return out.astype(np.float32)

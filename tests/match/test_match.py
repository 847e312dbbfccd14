"""Matching end to end on the starter catalog (SQLite and PostgreSQL), and the batch path."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import Engine

from passionpath.context import Context
from passionpath.match import (
    QUADRANTS,
    BatchMatcher,
    BatchProfiles,
    career_path,
    explore,
    load_matrices,
    match,
    similar,
)
from passionpath.match._engine import MatchEngine
from passionpath.profile import load_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "profiles"


@pytest.fixture
def starter(starter_engine: Engine) -> Engine:
    return starter_engine


def codes(report: object) -> list[str]:
    return [r.code for r in report.results]  # type: ignore[attr-defined]


def test_maya_gets_food_photography_and_marketing_careers(starter: Engine, ctx: Context) -> None:
    report = match(EXAMPLES / "maya.json", ctx, top=15)
    titles = " | ".join(r.title for r in report.results)
    assert "Photographers" in titles
    assert any(word in titles for word in ("Chef", "Baker", "Cook"))
    sweet = match(EXAMPLES / "maya.json", ctx, top=40, quadrant="sweet spot")
    assert sweet.results and all(r.quadrant == "sweet spot" for r in sweet.results)
    food_photo_marketing = (
        "Photograph",
        "Chef",
        "Baker",
        "Cook",
        "Marketing",
        "Food",
        "Designer",
        "Art Director",
    )
    assert any(any(w in r.title for w in food_photo_marketing) for r in sweet.results)
    top = report.results[0]
    assert top.explanation.passions and top.explanation.passions[0].phrase
    assert report.interest_code == "AES"


def test_a_field_of_study_adds_qualification_where_it_leads(starter: Engine, ctx: Context) -> None:
    document = load_document(EXAMPLES / "maya.json")
    without = document.model_copy(deep=True)
    without.education = [
        e.model_copy(update={"area": None, "courses": None}) for e in without.education or []
    ]
    studied = match(document, ctx, top=200).scores
    plain = match(without, ctx, top=200).scores
    assert studied is not None and plain is not None
    m = load_matrices(ctx)
    lift = studied.qualification - plain.qualification
    marketing = [i for i, t in enumerate(m.titles) if "Marketing" in t]
    assert marketing and all(lift[i] > 0.05 for i in marketing)
    # The knowledge a field gives (English, communications) helps a little everywhere;
    # where the field leads, the lift is several times larger. (Maya's part-time "pastry
    # assistant" job is no paralegal's, so her priors are low and the small lift is ~0.05.)
    unrelated = [i for i, t in enumerate(m.titles) if "Nurse" in t or "Electrician" in t]
    assert unrelated and all(lift[i] < 0.075 for i in unrelated)
    assert min(lift[marketing]) > 3 * max(lift[unrelated])


def test_each_example_profile_gets_sensible_leaders(starter: Engine, ctx: Context) -> None:
    expectations = {
        "daniel": ("Coach", "Account", "Teacher", "Financial", "Tax", "Social"),
        "priya": ("Designer", "Interface", "Research", "Teacher", "Writer", "Counsel"),
        "amara": ("Nurse", "Health", "Medical"),
    }
    for name, words in expectations.items():
        report = match(EXAMPLES / f"{name}.json", ctx, top=10)
        titles = [r.title for r in report.results]
        assert any(any(w in t for w in words) for t in titles[:5]), (name, titles)


def test_results_carry_scores_quadrants_and_gaps(starter: Engine, ctx: Context) -> None:
    report = match(EXAMPLES / "daniel.json", ctx, top=10)
    # Sweet spot first, each part by score.
    sweet = [r.score for r in report.results if r.quadrant == "sweet spot"]
    rest = [r.score for r in report.results if r.quadrant != "sweet spot"]
    assert [r.quadrant == "sweet spot" for r in report.results] == [True] * len(sweet) + [
        False
    ] * len(rest)
    assert sweet == sorted(sweet, reverse=True)
    for r in report.results:
        assert r.quadrant in QUADRANTS
        assert 0 <= r.passion <= 1 and 0 <= r.qualification <= 1
        for gap in r.explanation.gaps:
            assert gap.required > gap.current
    assert json.loads(json.dumps(report.as_dict()))["results"][0]["code"] == report.results[0].code


def test_stretch_results_can_be_left_out(starter: Engine, ctx: Context) -> None:
    document = load_document(EXAMPLES / "maya.json")
    document.pp.constraints.max_job_zone = 2
    report = match(document, ctx, top=20, include_stretch=False)
    assert report.results and all((r.job_zone or 0) <= 2 for r in report.results)
    flagged = match(document, ctx, top=20)
    assert any(r.stretch for r in flagged.results)


def test_batch_matches_the_engine_at_whole_levels(starter: Engine, ctx: Context) -> None:
    m = load_matrices(ctx)
    rng = np.random.default_rng(3)
    b = 6
    profiles = BatchProfiles(
        riasec=rng.uniform(1, 7, (b, 6)).astype(np.float32),
        levels=rng.integers(0, 8, (b, len(m.descriptor_ids))).astype(np.float32),
        zones=rng.integers(1, 6, b),
        education=rng.integers(1, 13, b),
        values=rng.uniform(1, 7, (b, 6)).astype(np.float32),
    )
    batch = BatchMatcher(m).scores(profiles)
    engine = MatchEngine(m)
    for i in range(b):
        person = profiles.person(i)
        exact = engine.score(person).score
        np.testing.assert_allclose(batch[i][m.matchable], exact[m.matchable], atol=1e-4)
    rows, _ = BatchMatcher(m).top(profiles, top=5)
    assert rows.shape == (b, 5)
    np.testing.assert_array_equal(rows[:, 0], np.argmax(batch, axis=1))


def test_similar_path_and_explore(starter: Engine, ctx: Context) -> None:
    moves = similar("13-2011.00", ctx, top=5)
    assert len(moves) == 5 and "13-2011.00" not in [m.code for m in moves]
    assert [m.score for m in moves] == sorted([m.score for m in moves], reverse=True)
    route = career_path("13-2011.00", "27-2022.00", ctx)
    assert 1 <= len(route.steps) <= 3
    assert route.steps[-1].to_code == "27-2022.00"
    assert route.total_cost <= route.direct_cost + 1e-6
    [found] = explore(["I bake bread and decorate cakes before dawn"], ctx, top=3)
    assert found[0].code == "51-3011.00"


def test_a_job_title_listed_under_two_occupations_counts_for_both(
    engine: Engine, tmp_path: Path, ctx: Context
) -> None:
    from passionpath.catalog import import_release
    from passionpath.match._report import _past_occupations
    from passionpath.profile import parse_document
    from tests.release_factory import release_files, write_release

    files = release_files()
    files["Alternate Titles.txt"] += [
        "51-3011.00\tProduction Lead\tn/a\t08",
        "15-1252.00\tProduction Lead\tn/a\t08",
    ]
    import_release(write_release(tmp_path / "release", files), engine=engine)
    m = load_matrices(ctx)

    def held(position: str) -> set[str]:
        document = parse_document({"work": [{"position": position}]}, "test")
        return {str(m.codes[row]) for row in _past_occupations(document, m, ctx)}

    assert held("Production Lead") == {"51-3011.00", "15-1252.00"}
    assert held("Bread Baker") == {"51-3011.00"}
    assert held("Production intern") == set()
    # Half the words shared is not enough when the job itself (the last word) is not named:
    # a "Transport planner" is no patient transporter.
    assert held("Bread planner") == set()
    assert held("Senior Bread Baker II") == {"51-3011.00"}


def test_clauses_that_say_nothing_on_their_own_are_not_passion_phrases() -> None:
    from passionpath.match._person import passion_phrases
    from passionpath.profile import parse_document

    document = parse_document(
        {
            "passionpath": {
                "reflections": {
                    "unpaid": "Redesigning forms for libraries, which is what I'm doing now",
                    "talents": "I draw well, not just what they say",
                }
            }
        },
        "test",
    )
    texts = [p.text for p in passion_phrases(document)]
    assert any("libraries" in t for t in texts)
    assert any("draw well" in t for t in texts)
    assert not any(t.startswith(("which is", "not just")) for t in texts), texts


def test_the_package_is_the_python_api(starter: Engine, ctx: Context) -> None:
    import passionpath

    report = passionpath.match(EXAMPLES / "maya.json", top=5)  # opens its own context
    assert codes(report) == codes(match(EXAMPLES / "maya.json", ctx, top=5))
    assert passionpath.match.similar is similar


def test_a_profile_matched_before_runs_no_text_model(
    starter: Engine, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    from passionpath.text import get_embedder

    first = match(EXAMPLES / "maya.json", ctx, top=5)
    ctx.shared.discard("people", lambda key, value: True)  # as a new process would start
    embedder = type(get_embedder(ctx.settings.text_model))

    def refuse(self: object, texts: list[str]) -> object:
        raise AssertionError(f"the model ran for {texts[:2]}")

    monkeypatch.setattr(embedder, "embed", refuse)
    again = match(EXAMPLES / "maya.json", ctx, top=5)
    assert [r.code for r in again.results] == [r.code for r in first.results]


def test_warm_up_loads_what_first_requests_would_wait_for(starter: Engine, ctx: Context) -> None:
    from passionpath.match import warm_up

    loaded = warm_up(ctx)
    assert loaded == ["matrices", "title index", "transfer model", "interest model", "text model"]
    assert ctx.shared.get(
        "transfer-models", (load_matrices(ctx).release_sha, load_matrices(ctx).model_id)
    )


def test_a_server_warms_up_in_the_background(
    starter: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from fastapi.testclient import TestClient

    from passionpath.config import get_settings
    from passionpath.server import create_app

    monkeypatch.setenv("PASSIONPATH_WARM_UP", "true")
    get_settings.cache_clear()
    try:
        app = create_app(engine=starter)
    finally:
        monkeypatch.setenv("PASSIONPATH_WARM_UP", "false")
        get_settings.cache_clear()  # later tests' apps do not warm up
    ctx = app.state.ctx
    assert ctx.settings.warm_up
    with TestClient(app):
        m = load_matrices(ctx)
        for _ in range(200):
            if ctx.shared.get("transfer-models", (m.release_sha, m.model_id)) is not None:
                break
            time.sleep(0.05)
    assert ctx.shared.get("transfer-models", (m.release_sha, m.model_id)) is not None

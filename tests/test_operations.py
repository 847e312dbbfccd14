"""The named core operations each face calls: the same input through the CLI, the API and
the web pages lands as the same stored record, and each operation's errors name the field.

Kept whole at ``tests/`` on purpose: splitting it by face would lose the comparison that is
its point, the same operation giving the same record whichever face called it.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

from passionpath.catalog import import_release, load_starter
from passionpath.cli._app import app as cli
from passionpath.context import Context
from passionpath.errors import NotFoundError, PassionpathError
from passionpath.plan import find_plan, log_progress, new_plan
from passionpath.profile import (
    create_profile,
    items,
    list_profiles,
    load_document,
    load_profile,
    profile_history,
    record_inventory,
    resolve,
    store_resolved,
)
from passionpath.server import create_app
from passionpath.store import models as m

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "profiles"
PASSWORD = "correct horse battery"
runner = CliRunner()


def _answers() -> dict[str, int]:
    """Full-form answers that love helping people (S) and like investigating (I)."""
    return {i.id: 5 if i.area == "S" else 4 if i.area == "I" else 2 for i in items("full")}


def _inventory(engine: Engine, slug: str, owner: int | None) -> dict[str, object]:
    _, document = load_profile(slug, engine, owner=owner)
    assert document.pp.inventory is not None
    record = document.pp.inventory.model_dump()
    record.pop("taken_at")  # the day it was taken, not what was answered
    note = profile_history(slug, engine, owner=owner)[-1].note
    return {**record, "note": note}


def _web_csrf(client: TestClient, email: str) -> str:
    page = client.get("/register").text
    token = re.search(r'name="csrf" value="([^"]+)"', page)
    assert token is not None
    response = client.post(
        "/register", data={"email": email, "password": PASSWORD, "csrf": token.group(1)}
    )
    found = re.search(r'name="csrf" value="([^"]+)"', response.text)
    assert found is not None
    return found.group(1)


@pytest.mark.usefixtures("starter_engine")
def test_the_same_inventory_lands_as_the_same_record_through_every_face(engine: Engine) -> None:
    load_starter(engine=engine)
    answers = _answers()
    in_order = ",".join(str(answers[i.id]) for i in items("full"))

    # The command line, on a profile without an owner.
    assert runner.invoke(cli, ["profile", "new", "Sam", "--slug", "sam", "--no-ask"]).exit_code == 0
    done = runner.invoke(
        cli, ["assess", "interests", "--answers", in_order, "--profile", "sam", "--json"]
    )
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["saved_version"] == 2
    by_cli = _inventory(engine, "sam", None)

    with TestClient(create_app(engine=engine)) as client:
        # The API, on an account's profile.
        client.post("/api/v1/auth/register", json={"email": "a@example.org", "password": PASSWORD})
        token = client.post(
            "/api/v1/auth/token", json={"email": "a@example.org", "password": PASSWORD}
        )
        auth = {"Authorization": f"Bearer {token.json()['token']}"}
        document = {"basics": {"name": "Sam"}}
        client.post("/api/v1/profiles", json={"document": document, "slug": "sam"}, headers=auth)
        taken = client.post(
            "/api/v1/profiles/sam/inventory", json={"answers": answers}, headers=auth
        )
        assert taken.status_code == 200 and taken.json()["version"] == 2
        api_user = list_profiles_owner(engine, "a@example.org")
        by_api = _inventory(engine, "sam", api_user)

    with TestClient(create_app(engine=engine)) as web:
        # The web page, on the signed-in user's own profile.
        csrf = _web_csrf(web, "w@example.org")
        posted = web.post(
            "/inventory",
            data={"csrf": csrf, **{k: str(v) for k, v in answers.items()}},
            follow_redirects=False,
        )
        assert posted.status_code == 303
        by_web = _inventory(engine, "me", list_profiles_owner(engine, "w@example.org"))

    assert by_cli == by_api == by_web
    assert str(by_cli["code"]).startswith("SI")
    assert by_cli["note"] == "interest inventory (full)"


def list_profiles_owner(engine: Engine, email: str) -> int:
    with engine.connect() as conn:
        user: int = conn.execute(select(m.User.id).where(m.User.email == email)).scalar_one()
    return user


def test_record_inventory_checks_the_profile_before_the_answers(engine: Engine) -> None:
    create_profile(load_document(EXAMPLES / "maya.json"), engine, slug="maya")
    with pytest.raises(NotFoundError) as missing:
        record_inventory("nobody", {}, engine)
    assert missing.value.field == "profile"
    with pytest.raises(PassionpathError):
        record_inventory("maya", {"R1": 5}, engine)  # far too few answers
    assert len(profile_history("maya", engine)) == 1  # nothing saved
    short = {i.id: 3 for i in items("short")}
    recorded = record_inventory("maya", short, engine, form="short")
    assert recorded.version == 2 and recorded.result.form == "short"
    assert profile_history("maya", engine)[-1].note == "interest inventory (short)"


def _plan(ctx: Context) -> int:
    load_starter(engine=ctx.engine)
    create_profile(load_document(EXAMPLES / "maya.json"), ctx.engine, slug="maya")
    return new_plan("maya", "27-4021.00", ctx, hours_per_week=5).id


@pytest.mark.usefixtures("starter_engine")
def test_log_progress_validates_and_names_the_field(ctx: Context) -> None:
    plan = find_plan(_plan(ctx), None, ctx.engine)
    with pytest.raises(PassionpathError) as nothing:
        log_progress(plan, ctx.engine)
    assert nothing.value.field == "hours"
    with pytest.raises(PassionpathError) as negative:
        log_progress(plan, ctx.engine, hours=-1)
    assert negative.value.field == "hours" and "more than 0" in negative.value.message
    with pytest.raises(NotFoundError) as unknown:
        log_progress(plan, ctx.engine, hours=1, objective=99)
    assert unknown.value.field == "objective" and "99" in unknown.value.message
    log_progress(plan, ctx.engine, hours=1.5, objective=1)
    log_progress(plan, ctx.engine, evidence="https://example.org/portfolio")
    events = find_plan(plan.id, None, ctx.engine).events
    assert [(e["kind"], e["hours"], e["note"]) for e in events[-2:]] == [
        ("hours", 1.5, None),
        ("evidence", None, "https://example.org/portfolio"),
    ]
    assert events[-2]["objective_id"] == plan.objectives[0].id


@pytest.mark.usefixtures("starter_engine")
def test_cli_log_names_a_missing_objective(ctx: Context) -> None:
    _plan(ctx)
    out = runner.invoke(cli, ["plan", "log", "--hours", "1", "--objective", "99"])
    assert out.exit_code == 2 and "--objective: plan" in out.output and "99" in out.output


def test_resolve_a_file_and_a_slug(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "maya.json"
    shutil.copy(EXAMPLES / "maya.json", path)
    from_file = resolve(path, engine)
    assert from_file.record is None and from_file.name == "maya"
    assert from_file.slug == "maya-fontaine"  # from the person's name
    assert list_profiles(engine) == []  # resolving stores nothing
    create_profile(from_file.document, engine, slug="maya")
    stored = resolve("maya", engine)
    assert stored.record is not None and stored.record.slug == "maya" and stored.name == "maya"
    assert stored.document.display_name == from_file.document.display_name
    with pytest.raises(NotFoundError):
        resolve("nobody", engine)
    with pytest.raises(PassionpathError):
        resolve(tmp_path / "missing.json", engine)


def test_store_resolved_creates_then_versions_and_keeps_answers(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "cv.json"
    document = json.loads((EXAMPLES / "maya.json").read_text())
    path.write_text(json.dumps(document))
    first = store_resolved(path, engine)
    assert (
        first.created and first.record.slug == "maya-fontaine" and first.record.current_version == 1
    )
    again = store_resolved(path, engine)
    assert not again.created and again.saved is not None and not again.saved.changed
    # A plain CV (no passionpath block) with a new label: a new version, answers kept.
    document.pop("passionpath", None)
    document["basics"]["label"] = "Baker and teacher"
    path.write_text(json.dumps(document))
    newer = store_resolved(path, engine)
    assert newer.saved is not None and newer.saved.changed and newer.record.current_version == 2
    _, current = load_profile("maya-fontaine", engine)
    assert current.passionpath == first.document.passionpath
    assert store_resolved("maya-fontaine", engine).saved is None  # a slug stores nothing


@pytest.mark.usefixtures("starter_engine")
def test_plan_create_takes_a_file(ctx: Context, tmp_path: Path) -> None:
    load_starter(engine=ctx.engine)
    path = tmp_path / "maya.json"
    shutil.copy(EXAMPLES / "maya.json", path)
    created = runner.invoke(
        cli, ["plan", "create", str(path), "--target", "27-4021.00", "--no-ask", "--json"]
    )
    assert created.exit_code == 0, created.output
    plan = json.loads(created.stdout)
    assert plan["profile"] == "maya-fontaine"
    assert "Saved" in created.stderr and "maya-fontaine" in created.stderr
    # The same file names the same profile afterwards, for reading the plan too.
    shown = runner.invoke(cli, ["plan", "show", "--profile", str(path), "--json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["id"] == plan["id"]
    assert [p.slug for p in list_profiles(ctx.engine)] == ["maya-fontaine"]


def test_import_with_embedding_stores_the_vectors(engine: Engine, release_dir: Path) -> None:
    def count() -> int:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(m.TextEmbedding)).scalar_one())

    plain = import_release(release_dir, engine=engine)
    assert plain.embeddings == {} and count() == 0
    seen: list[tuple[int, int]] = []
    report = import_release(
        release_dir,
        engine=engine,
        force=True,
        embed=True,
        embed_progress=lambda done, total: seen.append((done, total)),
        text_model="lexical",
    )
    assert report.embeddings["model"] and report.embeddings["texts"] > 0
    assert count() == report.embeddings["texts"]
    if report.embeddings["computed"]:  # not when this process embedded them before
        assert seen[-1] == (report.embeddings["computed"], report.embeddings["computed"])
    again = import_release(release_dir, engine=engine, embed=True, text_model="lexical")
    assert again.unchanged and again.embeddings["computed"] == 0

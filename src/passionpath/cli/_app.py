"""The ``passionpath`` command. Heavy modules are imported inside commands to keep --help fast."""

from __future__ import annotations

from passionpath.cli import (
    applications,
    applications_text,
    assess,
    batch,
    community,
    contacts,
    cv,
    data,
    gaps,
    interests,
    match,
    occupations,
    plan,
    profile,
    serve,
    transitions,
)
from passionpath.cli._root import root_app

app = root_app()
app.add_typer(data.app, name="data")
app.add_typer(occupations.app, name="occupations")
app.add_typer(profile.app, name="profile")
app.add_typer(assess.app, name="assess")
app.add_typer(interests.app, name="interests")
app.add_typer(plan.app, name="plan")
app.add_typer(contacts.app, name="contacts")
app.add_typer(batch.app, name="batch")
app.add_typer(applications.app, name="applications")
applications_text.register(applications.app)
app.add_typer(cv.app, name="cv")
community.register(app)
match.register(app)
app.command("explore")(transitions.explore_command)
app.command("similar")(transitions.similar_command)
app.command("path")(transitions.path_command)
app.command("gaps")(gaps.gaps_command)
app.command("serve")(serve.serve_command)

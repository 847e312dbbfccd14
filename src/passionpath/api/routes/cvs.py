"""Tailored CVs: build, read, edit, render as HTML or PDF, match against a posting; every
route scoped to the signed-in user."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from passionpath.api._cv_schemas import CvEdit, CvIn, PostingIn, ResumeIn, SentIn
from passionpath.api._deps import ContextDep, CurrentUser, EngineDep

router = APIRouter(prefix="/cvs", tags=["cvs"])

#: A CV's id: a database integer.
CvId = Annotated[int, Path(ge=1, le=2**31 - 1, description="The CV's id.")]


def _brief(cv: Any) -> dict[str, Any]:
    return {k: v for k, v in cv.as_dict().items() if k != "document"}


@router.get("", summary="Your CVs (without their documents)")
def list_cvs(
    user: CurrentUser,
    engine: EngineDep,
    profile: str | None = Query(None, max_length=100, description="Only this profile's CVs."),
) -> list[dict[str, Any]]:
    from passionpath.cv import list_cvs as find

    return [_brief(c) for c in find(engine, owner=user, profile=profile)]


@router.post("", status_code=201, summary="Tailor a profile to an occupation and keep the CV")
def build(body: CvIn, user: CurrentUser, ctx: ContextDep) -> dict[str, Any]:
    from passionpath.cv import build_cv

    return build_cv(
        body.profile, body.target, ctx, posting=body.posting, theme=body.theme, owner=user
    ).as_dict()


@router.post("/validate", summary="Check a JSON Resume against the v1.0.0 schema (warnings only)")
def validate(body: ResumeIn) -> dict[str, Any]:
    from passionpath.cv import validate_resume
    from passionpath.profile import parse_document

    reading = parse_document(body.document, "document").reading_warnings
    return {
        "schema": [w.as_dict() for w in validate_resume(body.document)],
        "matching": [{"path": p, "message": m} for p, m in reading],
    }


@router.get("/{cv_id}", summary="One CV, with why each choice was made")
def read(cv_id: CvId, user: CurrentUser, engine: EngineDep) -> dict[str, Any]:
    from passionpath.cv import get_cv

    return get_cv(cv_id, engine, owner=user).as_dict()


@router.patch("/{cv_id}", summary="Edit a CV's summary or theme")
def edit(cv_id: CvId, body: CvEdit, user: CurrentUser, engine: EngineDep) -> dict[str, Any]:
    from passionpath.cv import edit_cv

    return edit_cv(cv_id, engine, summary=body.summary, theme=body.theme, owner=user).as_dict()


@router.delete("/{cv_id}", status_code=204, summary="Delete a CV")
def remove(cv_id: CvId, user: CurrentUser, engine: EngineDep) -> Response:
    from passionpath.cv import delete_cv

    delete_cv(cv_id, engine, owner=user)
    return Response(status_code=204)


@router.post("/{cv_id}/applications", summary="Note an application the CV was sent with")
def sent(cv_id: CvId, body: SentIn, user: CurrentUser, engine: EngineDep) -> dict[str, Any]:
    from passionpath.cv import record_sent

    return _brief(record_sent(cv_id, body.application_id, engine, owner=user))


@router.get(
    "/{cv_id}/render",
    summary="The CV as an HTML page or a PDF",
    responses={
        200: {
            "content": {"text/html": {}, "application/pdf": {}},
            "description": "The rendered CV.",
        }
    },
)
def render(
    cv_id: CvId,
    user: CurrentUser,
    engine: EngineDep,
    format: str = Query("pdf", pattern="^(html|pdf)$"),
    theme: str | None = Query(None, pattern="^(classic|modern)$", description="Default: the CV's."),
    download: bool = Query(False, description="Ask the browser to save it as a file."),
) -> Response:
    from passionpath.cv import get_cv, render_html, render_pdf

    cv = get_cv(cv_id, engine, owner=user)
    chosen = theme or cv.theme
    name = f"cv-{cv.id}.{format}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'} if download else {}
    if format == "html":
        return Response(
            render_html(cv.document, chosen),
            media_type="text/html; charset=utf-8",
            headers=headers,
        )
    return Response(render_pdf(cv.document, chosen), media_type="application/pdf", headers=headers)


@router.post("/{cv_id}/match", summary="How well the CV covers a job posting")
def match(cv_id: CvId, body: PostingIn, user: CurrentUser, ctx: ContextDep) -> dict[str, Any]:
    from passionpath.cv import get_cv, match_posting

    cv = get_cv(cv_id, ctx.engine, owner=user)
    drafted = not cv.summary_edited
    return match_posting(cv.document, body.posting, ctx, drafted_summary=drafted).as_dict()

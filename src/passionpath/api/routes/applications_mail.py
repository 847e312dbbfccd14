"""Recruiters' e-mails: classify texts, and read a mail export against your applications.
Every route is scoped to the signed-in user."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Query, UploadFile
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from passionpath.api._deps import ContextDep, CurrentUser
from passionpath.limits import MAX_CLASSIFY_TEXT_CHARS, MAX_CLASSIFY_TEXTS

router = APIRouter(prefix="/applications", tags=["applications"])

MailText = Annotated[str, Field(min_length=1, max_length=MAX_CLASSIFY_TEXT_CHARS)]


class ClassifyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    texts: list[MailText] = Field(
        min_length=1,
        max_length=MAX_CLASSIFY_TEXTS,
        description=f"E-mails or feedback, each at most {MAX_CLASSIFY_TEXT_CHARS:,} characters.",
    )


@router.post("/classify", summary="Say what recruiting e-mails are")
def classify(body: ClassifyIn, user: CurrentUser, ctx: ContextDep) -> dict[str, Any]:
    """For each text: its kind (rejection, interview, offer, acknowledgement, other), the
    stage, a rejection's reasons with the phrases behind them, and the skills it names."""
    from passionpath.jobsearch import classify_texts

    results = classify_texts(body.texts, ctx)
    return {"results": [r.as_dict() for r in results]}


def _records(ctx: Any, user: int) -> list[Any]:
    """The user's applications as matching records."""
    from passionpath.jobsearch import application_records

    return application_records(ctx.engine, owner=user, ctx=ctx)


@router.post("/import-mail", summary="Propose stage changes from a mail export")
async def import_mail(
    user: CurrentUser,
    ctx: ContextDep,
    file: UploadFile = File(description="An .eml file, or an .mbox export (Gmail, Thunderbird)."),
    apply: bool = Query(False, description="Log the proposed stage changes (default: only say)."),
) -> dict[str, Any]:
    """Match the e-mails to your applications and propose stage changes with the e-mail as
    evidence; with ``apply`` they are logged, all or none. Messages that match nothing are
    listed, never dropped."""
    from passionpath.errors import PassionpathError
    from passionpath.jobsearch import apply_proposals, match_mail, read_mail_data
    from passionpath.limits import MAX_MAIL_FILE_BYTES

    data = await file.read(MAX_MAIL_FILE_BYTES + 1)
    if len(data) > MAX_MAIL_FILE_BYTES:
        raise PassionpathError(
            f"is over {MAX_MAIL_FILE_BYTES // 1_000_000} MB; nothing was read.", field="file"
        )
    name = file.filename or "upload.mbox"

    def run() -> dict[str, Any]:
        read = read_mail_data(data, name)
        report = match_mail(read, _records(ctx, user), ctx)
        applied = apply_proposals(report, ctx.engine, owner=user) if apply else []
        return {**report.as_dict(), "applied_events": [number for _, number in applied]}

    return await run_in_threadpool(run)

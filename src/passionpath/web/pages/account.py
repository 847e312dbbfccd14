"""The account page: download all my data, delete my account."""

from __future__ import annotations

import json

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from passionpath import accounts
from passionpath.web._deps import check_csrf, context, current_user, engine, render

router = APIRouter()


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request) -> Response:
    current_user(request)
    return render(request, "account.html", errors={})


@router.get("/account/export.json")
def export_json(request: Request) -> Response:
    user = current_user(request)
    data = accounts.export_account(engine(request), user)
    return Response(
        json.dumps(data, indent=2, default=str),
        media_type="application/json",
        headers={"Content-Disposition": "attachment; filename=passionpath.json"},
    )


@router.post("/account/delete")
def delete_account(request: Request, confirm: str = Form(""), csrf: str = Form("")) -> Response:
    check_csrf(request, csrf)
    user = current_user(request)
    if confirm.strip() != "DELETE":
        errors = {"confirm": "Type DELETE, in capitals, to confirm; nothing was deleted."}
        return render(request, "account.html", 400, confirm=confirm[:200], errors=errors)
    ctx = context(request)
    accounts.delete_account(ctx.engine, user, tokens=ctx.memo, cache_dir=ctx.settings.cache_dir)
    request.session.clear()
    return RedirectResponse("/", status_code=303)

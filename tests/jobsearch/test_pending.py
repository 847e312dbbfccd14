"""Uploads waiting for the person's confirmation: found only with their owner and token, one
of each kind per person, gone after an hour, and gone with the account."""

from __future__ import annotations

import os
import time
from pathlib import Path

from sqlalchemy import Engine

from passionpath import accounts
from passionpath.jobsearch import (
    UPLOAD_TTL,
    drop_upload,
    forget_uploads,
    keep_upload,
    pending_upload,
)


def _files(cache: Path) -> list[str]:
    return sorted(p.name for p in cache.rglob("*") if p.is_file())


def test_an_upload_is_found_only_by_its_owner_and_token(tmp_path: Path) -> None:
    mail = keep_upload(tmp_path, 1, "mail", "takeout.mbox", b"From x\n\nhello\n")
    sheet = keep_upload(tmp_path, 1, "csv", "../huntr.csv", b"Company,Title\n")
    assert pending_upload(tmp_path, 1, "mail", mail) == ("takeout.mbox", b"From x\n\nhello\n")
    assert pending_upload(tmp_path, 1, "csv", sheet) == ("huntr.csv", b"Company,Title\n")
    assert pending_upload(tmp_path, 2, "mail", mail) is None  # another person
    assert pending_upload(tmp_path, 1, "csv", mail) is None  # another kind
    assert pending_upload(tmp_path, 1, "mail", "../../etc/passwd") is None
    # A new upload of a kind replaces the person's earlier one, not another person's.
    other = keep_upload(tmp_path, 11, "mail", "b.eml", b"b")
    again = keep_upload(tmp_path, 1, "mail", "second.eml", b"second")
    assert pending_upload(tmp_path, 1, "mail", mail) is None
    assert pending_upload(tmp_path, 1, "mail", again) == ("second.eml", b"second")
    assert pending_upload(tmp_path, 11, "mail", other) == ("b.eml", b"b")
    drop_upload(tmp_path, 1, "mail", again)
    assert pending_upload(tmp_path, 1, "mail", again) is None


def test_uploads_expire_after_the_hour(tmp_path: Path) -> None:
    token = keep_upload(tmp_path, 1, "csv", "a.csv", b"a")
    fresh = keep_upload(tmp_path, 2, "csv", "b.csv", b"b")
    [old] = (tmp_path / "csv-uploads").glob("1-*.csv")
    stale = time.time() - UPLOAD_TTL - 5
    os.utime(old, (stale, stale))
    assert pending_upload(tmp_path, 1, "csv", token) is None
    assert pending_upload(tmp_path, 2, "csv", fresh) is not None
    assert forget_uploads(tmp_path) == 0


def test_deleting_the_account_removes_its_waiting_uploads(engine: Engine, tmp_path: Path) -> None:
    leaving = accounts.register(engine, "leaving@example.org", "a long enough password")
    staying = accounts.register(engine, "staying@example.org", "a long enough password")
    keep_upload(tmp_path, leaving, "mail", "takeout.mbox", b"mail")
    keep_upload(tmp_path, leaving, "csv", "teal.csv", b"csv")
    kept = keep_upload(tmp_path, staying, "mail", "mine.mbox", b"mine")
    assert len(_files(tmp_path)) == 3
    accounts.delete_account(engine, leaving, cache_dir=tmp_path)
    assert _files(tmp_path) == [f"{staying}-{kept}.mail"]

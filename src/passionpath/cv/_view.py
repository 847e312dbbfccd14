"""A CV as the themes lay it out: the same reading order for HTML and PDF.

The JSON Resume document is read as the profile reader reads it (so any résumé renders,
whatever its quirks), then turned into a header and a list of sections, each a list of
entries with a heading, a line under it, dates, text and bullet points.
"""

from __future__ import annotations

import re
from typing import Any

from passionpath.profile import parse_document

#: Between two dates, as typesetters write it.
EN_DASH = "\u2013"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: Section order and titles: what a recruiter reads first comes first.
SECTIONS = (
    ("work", "Experience"),
    ("projects", "Projects"),
    ("volunteer", "Volunteering"),
    ("education", "Education"),
    ("skills", "Skills"),
    ("certificates", "Certificates"),
    ("awards", "Awards"),
    ("publications", "Publications"),
    ("languages", "Languages"),
    ("interests", "Interests"),
    ("references", "References"),
)


def readable(data: dict[str, Any], source: str = "CV") -> dict[str, Any]:
    """The document as the profile reader reads it: dates as ISO 8601, texts as texts."""
    document = parse_document(data, source)
    read = document.model_dump(mode="json", exclude_unset=True)
    read.pop("passionpath", None)
    return read


def show_date(value: Any) -> str:
    if not isinstance(value, str) or not value:
        return ""
    found = re.match(r"^(\d{4})(?:-(\d{2}))?", value)
    if found is None:
        return value
    year, month = found.groups()
    return f"{MONTHS[int(month) - 1]} {year}" if month and 1 <= int(month) <= 12 else year


def _span(entry: dict[str, Any]) -> str:
    start, end = show_date(entry.get("startDate")), show_date(entry.get("endDate"))
    if start and not end:
        return f"{start} {EN_DASH} Present"
    if start and end:
        return start if start == end else f"{start} {EN_DASH} {end}"
    return end or show_date(entry.get("date")) or show_date(entry.get("releaseDate"))


def _texts(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [v.strip() for v in value if isinstance(v, str) and v.strip()]


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _url(value: Any) -> str:
    text = _text(value)
    return text if re.match(r"^(https?://|mailto:)", text, re.I) else ""


def _entry(section: str, item: dict[str, Any]) -> dict[str, Any]:
    heading = sub = ""
    summary = _text(item.get("summary")) or _text(item.get("description"))
    if section == "work":
        heading, sub = _text(item.get("position")), _text(item.get("name"))
        if _text(item.get("description")) and _text(item.get("summary")):
            summary = _text(item.get("summary"))
    elif section == "volunteer":
        heading, sub = _text(item.get("position")), _text(item.get("organization"))
    elif section == "projects":
        heading, sub = _text(item.get("name")), ", ".join(_texts(item.get("roles")))
    elif section == "education":
        study = " in ".join(p for p in (_text(item.get("studyType")), _text(item.get("area"))) if p)
        heading, sub = study or _text(item.get("institution")), _text(item.get("institution"))
        if heading == sub:
            sub = ""
        score = _text(item.get("score"))
        summary = f"Score: {score}" if score else ""
    elif section == "skills":
        heading, sub = _text(item.get("name")), _text(item.get("level"))
    elif section == "certificates":
        heading, sub = _text(item.get("name")), _text(item.get("issuer"))
    elif section == "awards":
        heading, sub = _text(item.get("title")), _text(item.get("awarder"))
    elif section == "publications":
        heading, sub = _text(item.get("name")), _text(item.get("publisher"))
    elif section == "languages":
        heading, sub = _text(item.get("language")), _text(item.get("fluency"))
    elif section == "interests":
        heading = _text(item.get("name"))
    elif section == "references":
        heading, summary = _text(item.get("name")), _text(item.get("reference"))
    if not sub and not heading:
        heading = _text(item.get("name"))
    courses = _texts(item.get("courses"))
    return {
        "heading": heading,
        "sub": sub,
        "dates": _span(item) if section not in ("skills", "languages", "interests") else "",
        "where": _text(item.get("location")) if section == "work" else "",
        "url": _url(item.get("url")),
        "summary": summary,
        "highlights": _texts(item.get("highlights")),
        "keywords": _texts(item.get("keywords")) + (courses if section == "education" else []),
    }


def view(data: dict[str, Any]) -> dict[str, Any]:
    """What the themes lay out, in reading order."""
    basics = data.get("basics") if isinstance(data.get("basics"), dict) else {}
    assert isinstance(basics, dict)
    contact: list[dict[str, str]] = []
    email = _text(basics.get("email"))
    if email:
        contact.append({"text": email, "url": f"mailto:{email}"})
    phone = _text(basics.get("phone"))
    if phone:
        contact.append({"text": phone, "url": "tel:" + re.sub(r"[^\d+]", "", phone)})
    location = basics.get("location") if isinstance(basics.get("location"), dict) else {}
    assert isinstance(location, dict)
    place = ", ".join(
        p for p in (_text(location.get("city")), _text(location.get("region"))) if p
    ) or _text(location.get("address"))
    if place:
        contact.append({"text": place, "url": ""})
    url = _url(basics.get("url"))
    if url:
        contact.append({"text": re.sub(r"^https?://", "", url).rstrip("/"), "url": url})
    for profile in basics.get("profiles") or []:
        if not isinstance(profile, dict):
            continue
        link = _url(profile.get("url"))
        name = _text(profile.get("network"))
        user = _text(profile.get("username"))
        label = f"{name}: {user}" if name and user else (name or user or link)
        if label:
            contact.append({"text": label, "url": link})
    sections = []
    for key, title in SECTIONS:
        entries = [_entry(key, item) for item in data.get(key) or [] if isinstance(item, dict)]
        entries = [e for e in entries if e["heading"] or e["summary"] or e["highlights"]]
        if entries:
            sections.append({"id": key, "title": title, "entries": entries})
    return {
        "name": _text(basics.get("name")) or "Curriculum vitae",
        "label": _text(basics.get("label")),
        "contact": contact,
        "summary": _text(basics.get("summary")),
        "sections": sections,
    }


def reading_order(data: dict[str, Any]) -> list[str]:
    """Every text of the CV in the order a reader meets it (for tests and ATS checks)."""
    laid = view(data)
    texts = [laid["name"], laid["label"], *(c["text"] for c in laid["contact"]), laid["summary"]]
    for section in laid["sections"]:
        texts.append(section["title"])
        for entry in section["entries"]:
            texts += [entry["heading"], entry["sub"], entry["dates"], entry["where"]]
            texts += [entry["summary"], *entry["highlights"], ", ".join(entry["keywords"])]
    return [t for t in texts if t]

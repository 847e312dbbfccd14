"""Tailoring a profile into a CV for one target occupation (and, optionally, one posting).

Every choice is recorded with its reason (``cv build --explain``):

- skills: those the target needs come first, ordered by importance in the target (1-5) x the
  person's level (0-7, their own rating, else what their words show); the rest keep their
  order. Skills a posting names come before all others;
- highlights of each job, volunteering role and project: most relevant to the target's tasks
  (and the posting's sentences) first, by sentence-embedding similarity;
- projects, volunteering and hobbies from the passion answers are added as evidence for the
  target's skills (the skills they show are named);
- a summary is drafted from the sweet-spot explanation; the person edits it.

Gaps, what the target needs and the person does not show, are never written on the CV.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from passionpath.profile import AREA_NAMES, ProfileDocument

if TYPE_CHECKING:
    from passionpath.catalog import OccupationProfile
    from passionpath.context import Context

#: A skill or knowledge area counts as needed by the target from this importance (1-5) up.
NEEDED_IMPORTANCE = 3.0
#: A person with no rating of a skill their words show is taken to hold it at this level
#: (0-7) times the evidence's confidence.
EVIDENCE_LEVEL = 4.0
#: Evidence below this confidence is not used to match a CV skill.
MIN_SKILL_CONFIDENCE = 0.45


@dataclass(frozen=True)
class Choice:
    """One tailoring decision: where on the CV, what was done, and why."""

    where: str
    what: str
    why: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass
class TailoredCV:
    target_code: str
    target_title: str
    #: The CV as a JSON Resume document.
    document: dict[str, Any]
    choices: list[Choice] = field(default_factory=list)
    attribution: str = ""

    @property
    def summary(self) -> str:
        basics = self.document.get("basics")
        return str(basics.get("summary") or "") if isinstance(basics, dict) else ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "target": {"code": self.target_code, "title": self.target_title},
            "document": self.document,
            "choices": [c.as_dict() for c in self.choices],
            "attribution": self.attribution,
        }


def _words(text: str) -> set[str]:
    """Word stems (their first four letters), so "drive" finds "driving"."""
    return {w[:4] for w in re.findall(r"[^\W_]+", text.lower()) if len(w) > 1}


def _mentions(posting_words: set[str], posting_lower: str, phrase: str) -> bool:
    """Whether a posting names ``phrase`` (all its words, or the phrase itself)."""
    words = _words(phrase)
    if not words:
        return False
    return phrase.lower() in posting_lower or words <= posting_words


def singular(title: str) -> str:
    """'Photographers' -> 'photographer', 'Chefs and Head Cooks' -> 'chef and head cook':
    O*NET titles are plural; a summary speaks of one person."""

    def one(word: str) -> str:
        lower = word.lower()
        if lower.endswith("ies") and len(lower) > 4:
            return word[:-3] + "y"
        if lower.endswith(("sses", "ches", "shes")):
            return word[:-2]
        if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
            return word[:-1]
        return word

    parts = re.split(r"(\s*,\s*|\s+and\s+|\s+or\s+|\s*/\s*)", title)
    out = []
    for k, part in enumerate(parts):
        words = [w if w.isupper() and len(w) > 1 else w.lower() for w in part.split(" ")]
        if k % 2 == 0 and words and words[-1]:
            words[-1] = one(words[-1])
        out.append(" ".join(words))
    return "".join(out)


def _article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" else "a"


def _listing(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


class _Target:
    """What the target occupation needs, read once."""

    def __init__(self, occupation: OccupationProfile) -> None:
        self.code = occupation.code
        self.title = occupation.title
        self.importance: dict[str, float] = {}
        self.names: dict[str, str] = {}
        for rated in [*occupation.skills, *occupation.knowledge]:
            if rated.importance is not None and not rated.suppressed:
                self.importance[rated.element_id] = float(rated.importance)
                self.names[rated.element_id] = rated.name
        self.technology = {t["example"].lower(): t for t in occupation.technology}
        self.tasks = [str(t["text"]) for t in occupation.tasks]


def _skill_text(skill: dict[str, Any]) -> str:
    keywords = skill.get("keywords")
    words = [k for k in keywords if isinstance(k, str)] if isinstance(keywords, list) else []
    name = skill.get("name") if isinstance(skill.get("name"), str) else ""
    return f"{name}: {', '.join(words)}" if words else str(name)


def _levels(document: ProfileDocument) -> dict[str, float]:
    block = document.passionpath
    if block is None:
        return {}
    return {r.element_id: r.level for r in [*block.skills, *block.knowledge]}


def _order_skills(
    cv: dict[str, Any],
    target: _Target,
    levels: dict[str, float],
    posting: str | None,
    ctx: Context,
    choices: list[Choice],
) -> list[str]:
    """Reorder cv["skills"]; returns the names of the target's needs the CV shows."""
    from passionpath.text import extract_evidence

    skills = cv.get("skills")
    if not isinstance(skills, list) or not skills:
        return []
    texts = [(str(i), _skill_text(s) if isinstance(s, dict) else "") for i, s in enumerate(skills)]
    evidence = extract_evidence([t for t in texts if t[1]], ctx, per_descriptor=3)
    posting_lower = (posting or "").lower()
    posting_words = _words(posting_lower)
    shown: dict[str, float] = {}
    scored: list[tuple[int, float, float, str]] = []  # (posting, score, -index, why)
    for i, skill in enumerate(skills):
        best, why = 0.0, ""
        for found in evidence:
            if found.source != str(i):
                continue
            if found.kind == "technology":
                tech = target.technology.get(found.name.lower())
                if tech is not None:
                    score = 5.0 * EVIDENCE_LEVEL * (1.0 if tech["hot"] else 0.8)
                    if score > best:
                        best, why = score, f"{found.name} is a technology {target.title} use"
                continue
            element = found.element_id or ""
            importance = target.importance.get(element, 0.0)
            if importance < NEEDED_IMPORTANCE or found.confidence < MIN_SKILL_CONFIDENCE:
                continue
            level = levels.get(element) or EVIDENCE_LEVEL * found.confidence
            source = "your rating" if levels.get(element) else "what the skill says"
            score = importance * level
            if score > best:
                best = score
                why = (
                    f"{found.name}: importance {importance:.1f}/5 for {target.title} x level "
                    f"{level:.1f}/7 ({source})"
                )
                shown[target.names.get(element, found.name)] = max(
                    shown.get(target.names.get(element, found.name), 0.0), score
                )
        named = isinstance(skill, dict) and any(
            _mentions(posting_words, posting_lower, t)
            for t in [skill.get("name"), *(skill.get("keywords") or [])]
            if isinstance(t, str)
        )
        if named:
            why = "named in the posting" + (f"; {why}" if why else "")
        scored.append((1 if named else 0, best, -i, why))
    order = sorted(range(len(skills)), key=lambda i: scored[i][:3], reverse=True)
    cv["skills"] = [skills[i] for i in order]
    for rank, i in enumerate(order):
        skill = skills[i]
        name = skill.get("name") if isinstance(skill, dict) else skill
        in_posting, score, _, why = scored[i]
        if in_posting or score > 0:
            what = f"{name!s} placed {rank + 1}"
            choices.append(Choice("skills", what, f"{why} (score {score:.1f})"))
        else:
            choices.append(
                Choice("skills", f"{name!s} placed {rank + 1}", "not among the target's needs")
            )
        if isinstance(skill, dict) and posting and isinstance(skill.get("keywords"), list):
            words = skill["keywords"]
            first = [
                k
                for k in words
                if isinstance(k, str) and _mentions(posting_words, posting_lower, k)
            ]
            if first and first != words[: len(first)]:
                skill["keywords"] = first + [k for k in words if k not in first]
                choices.append(
                    Choice("skills", f"{name!s}: {', '.join(first)} first", "named in the posting")
                )
    matched = [
        str(skills[i].get("name") if isinstance(skills[i], dict) else skills[i])
        for i in order
        if scored[i][0] or scored[i][1] > 0
    ]
    return matched or [n.lower() for n, _ in sorted(shown.items(), key=lambda kv: -kv[1])]


def _order_highlights(
    cv: dict[str, Any],
    target: _Target,
    posting: str | None,
    ctx: Context,
    choices: list[Choice],
) -> list[tuple[float, str]]:
    """Reorder the highlights of every entry; returns (relevance, entry name) per entry."""
    from passionpath.text import embed_remembered, get_embedder

    aims = list(target.tasks)
    if posting:
        aims += [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", posting) if len(s.strip()) > 15]
    entries: list[tuple[str, int, dict[str, Any]]] = [
        (section, i, entry)
        for section in ("work", "volunteer", "projects")
        for i, entry in enumerate(cv.get(section) or [])
        if isinstance(entry, dict)
    ]
    texts: list[str] = []
    for _, _, entry in entries:
        texts += [h for h in entry.get("highlights") or [] if isinstance(h, str) and h.strip()]
        texts += [
            str(entry[k]) for k in ("summary", "description") if isinstance(entry.get(k), str)
        ]
    if not aims or not texts:
        return []
    embedder = get_embedder(ctx.settings.text_model)
    aim_vectors = embed_remembered(aims, embedder)
    unique = list(dict.fromkeys(t for t in texts if t.strip()))
    vectors = embed_remembered(unique, embedder) if unique else np.zeros((0, 1))
    similarity = vectors @ aim_vectors.T
    best = {
        t: (float(similarity[k].max()), int(similarity[k].argmax())) for k, t in enumerate(unique)
    }
    relevance: list[tuple[float, str]] = []
    for section, i, entry in entries:
        label = str(entry.get("name") or entry.get("organization") or entry.get("position") or "")
        highlights = entry.get("highlights")
        scores = [
            best[str(entry[k])][0]
            for k in ("summary", "description", "highlights")
            if k != "highlights" and isinstance(entry.get(k), str) and entry[k] in best
        ]
        if isinstance(highlights, list) and highlights:
            keyed = [
                (best[h][0] if isinstance(h, str) and h in best else -1.0, -j, h)
                for j, h in enumerate(highlights)
            ]
            keyed.sort(reverse=True)
            ordered = [h for _, _, h in keyed]
            scores += [s for s, _, _ in keyed if s > -1]
            if ordered != highlights:
                entry["highlights"] = ordered
                top = ordered[0]
                task = aims[best[top][1]] if isinstance(top, str) and top in best else ""
                choices.append(
                    Choice(
                        f"{section}[{i}].highlights",
                        f"{_short(str(top))!r} first",
                        f"closest to {_short(task)!r} (similarity {best[top][0]:.2f})",
                    )
                )
        relevance.append((max(scores) if scores else 0.0, label))
    return relevance


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _passion_evidence(
    cv: dict[str, Any],
    document: ProfileDocument,
    target: _Target,
    ctx: Context,
    choices: list[Choice],
) -> None:
    """Projects, volunteering and hobbies from the passion answers, as evidence."""
    from passionpath.text import extract_evidence

    block = document.passionpath
    if block is None or not block.activities:
        return
    sources = [(str(i), f"{a.name}. {a.notes}".strip()) for i, a in enumerate(block.activities)]
    evidence = extract_evidence(sources, ctx, per_descriptor=3)
    for i, activity in enumerate(block.activities):
        if activity.kind not in ("hobby", "project", "volunteering"):
            continue
        shows = []
        for found in evidence:
            element = found.element_id or ""
            if (
                found.source == str(i)
                and target.importance.get(element, 0.0) >= NEEDED_IMPORTANCE
                and found.confidence >= MIN_SKILL_CONFIDENCE
                and target.names.get(element, found.name) not in shows
            ):
                shows.append(target.names.get(element, found.name))
        shows = shows[:3]
        section, key = {
            "project": ("projects", "name"),
            "volunteering": ("volunteer", "organization"),
            "hobby": ("interests", "name"),
        }[activity.kind]
        entries = cv.setdefault(section, [])
        if not isinstance(entries, list):
            continue
        if any(_same_thing(activity.name, e, key) for e in entries):
            continue
        if not shows and activity.kind != "hobby":
            continue
        entry: dict[str, Any] = {key: activity.name}
        if activity.kind == "hobby":
            entry["keywords"] = shows
        else:
            if activity.notes:
                entry["summary" if section == "volunteer" else "description"] = activity.notes
            if shows:
                entry["highlights"] = [f"Shows {_listing([s.lower() for s in shows])}"]
        entries.append(entry)
        why = (
            f"shows {_listing(shows)}, which {target.title} need"
            if shows
            else "what you do for love says who you are"
        )
        choices.append(Choice(section, f"added {activity.name!r} from your passions", why))


_SMALL_WORDS = {"and", "the", "of", "for", "in", "on", "at", "my", "a", "an", "to", "with"}


def _same_thing(name: str, entry: Any, key: str) -> bool:
    """Whether a CV entry already tells of the activity ``name`` (half its words shared)."""
    if not isinstance(entry, dict):
        return False
    other = entry.get(key) or entry.get("name") or ""
    mine = _words(name) - _SMALL_WORDS
    theirs = _words(str(other)) - _SMALL_WORDS
    if not mine or not theirs:
        return False
    return len(mine & theirs) / min(len(mine), len(theirs)) >= 0.5


def _draft_summary(
    document: ProfileDocument,
    target: _Target,
    explanation: Any,
    shown: list[str],
    places: list[str],
) -> tuple[str, str]:
    """(summary, why) in plain words from the sweet-spot explanation."""
    sentences = []
    basics = document.basics
    if basics is not None and basics.label:
        sentences.append(basics.label.rstrip(".") + ".")
    skills = [s[:1].lower() + s[1:] if s[1:2].islower() else s for s in shown[:3]]
    if skills:
        where = f", shown at {_listing(places[:2])}" if places else ""
        listed = "; ".join(skills) if any(" and " in s for s in skills) else _listing(skills)
        sentences.append(f"Brings {listed}{where}.")
    passions = [
        p.phrase.strip().rstrip(".")
        for p in getattr(explanation, "passions", [])
        if p.source.startswith(("passionpath.reflections", "passionpath.activities"))
    ]
    block = document.passionpath
    if not passions and block is not None:
        # no phrase stood out for this occupation: the person's own first words on what
        # they love, up to the first pause
        for answer in (block.reflections.lose_track_of_time, block.reflections.causes):
            first = re.split(r"[.;:!?\n]|, (?:then|and|but|especially)\b", answer.strip())[0]
            if 12 <= len(first) <= 120:
                passions.append(first.strip())
                break
    if passions:
        sentences.append(f"In their own words: “{passions[0]}”.")
    areas = [AREA_NAMES.get(a, a).lower() for a in getattr(explanation, "shared_interests", [])]
    if areas:
        sentences.append(f"Drawn to {_listing(areas)} work, the heart of this job.")
    noun = singular(target.title)
    sentences.append(f"Looking for work as {_article(noun)} {noun}.")
    why = "drafted from the sweet spot: " + "; ".join(
        part
        for part in (
            f"skills the target needs that you show ({', '.join(skills)})" if skills else "",
            f"your own words ({passions[0]!r})" if passions else "",
            f"shared interests ({', '.join(areas)})" if areas else "",
        )
        if part
    )
    return " ".join(sentences), why


def tailor(
    document: ProfileDocument,
    target_code: str,
    ctx: Context,
    *,
    posting: str | None = None,
) -> TailoredCV:
    """A CV of ``document`` tailored to the occupation ``target_code``."""
    from passionpath.catalog import occupation_profile, release_attribution
    from passionpath.match import fit_for

    occupation = occupation_profile(target_code, ctx.engine)
    target = _Target(occupation)
    cv = document.model_dump(mode="json", exclude_unset=True)
    cv.pop("passionpath", None)
    choices: list[Choice] = []
    shown = _order_skills(cv, target, _levels(document), posting, ctx, choices)
    relevance = _order_highlights(cv, target, posting, ctx, choices)
    _passion_evidence(cv, document, target, ctx, choices)
    explanation = fit_for(document, [occupation.code], ctx)[0].explanation
    for gap in explanation.matching_skills:
        if gap.name.lower() not in shown and gap.importance >= NEEDED_IMPORTANCE:
            shown.append(gap.name.lower())
    places = [label for score, label in sorted(relevance, key=lambda r: -r[0]) if label]
    summary, why = _draft_summary(document, target, explanation, shown, places)
    basics = cv.setdefault("basics", {})
    if isinstance(basics, dict):
        basics["summary"] = summary
    choices.insert(0, Choice("basics.summary", "summary drafted (edit it)", why))
    choices.append(
        Choice(
            "(cv)",
            "gaps left out",
            "what the target needs that you do not show yet is never written on a CV",
        )
    )
    attribution, _ = release_attribution(ctx.engine)
    return TailoredCV(occupation.code, occupation.title, cv, choices, attribution)

"""A profile turned into vectors on the catalog's axes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from numpy.typing import NDArray

from passionpath.match._matrices import CatalogMatrices
from passionpath.profile import AREAS, WORK_VALUES, InventoryError, ProfileDocument, score

F32 = NDArray[np.float32]

#: O*NET required-education categories (RL) that a JSON Resume ``studyType`` stands for,
#: tried in this order: an associate degree before the generic "degree", and school-leaving
#: qualifications before the generic "diploma" and "certificate", so a high-school diploma
#: is not read as a post-secondary certificate.
_VOCATIONAL = r"(?:nvq|svq|btec|city (?:&|and) guilds)"
_STUDY_LEVELS = [
    # Study left unfinished ("Some college (no degree)", "BSc (not completed)") is some
    # post-secondary study, not the degree it names.
    (
        r"\b(some (?:college|university|uni)\b|no degree|without (?:a )?degree|"
        r"not (?:completed|finished)|incomplete|unfinished|did not (?:finish|complete)|"
        r"didn't (?:finish|complete)|dropped out|withdrew)",
        4,
    ),
    (r"\b(ph\.?d|doctor|doctoral)", 11),
    (r"\b(master|msc|m\.sc|mba|ma\b|m\.a\.|magister)", 8),
    (r"\b(associate|hnd\b|foundation degree)", 5),
    (r"\b(bachelor|bsc|b\.sc|ba\b|b\.a\.|bs\b|licence|degree)", 6),
    # A vocational level 1 or 2 (NVQ 2, BTEC level 2) is school-level, not post-secondary.
    (rf"\b({_VOCATIONAL}\s*(?:level\s*)?[12]\b|level [12]\b)", 2),
    (
        r"\b(high[- ]?school|(?<!post-)(?<!post )secondary|a-levels?\b|baccalaur|ged\b|"
        r"gcses?\b|o-levels?\b|cse\b|leaving cert)",
        2,
    ),
    (r"\b(no (formal )?qualifications?|left school|none\b)", 1),
    (rf"\b(certificate|diploma|bootcamp|apprentice|{_VOCATIONAL}|level [3-5]\b)", 3),
]
#: Certificates that stand for a course of post-secondary study ("Diploma in Nursing",
#: "Certificate IV in Training", "NVQ Level 3"); a licence or a short ticket (forklift,
#: first aid, food hygiene) shows a skill, not a level of education.
_COURSE_CERTIFICATE = re.compile(
    r"\b(diploma|certificate (in|of)|cert(ificate)? i[iv]+|level [3-7]|hnc|"
    r"nvq\s*(?:level\s*)?[3-7]|post-?graduate)\b",
    re.IGNORECASE,
)
#: The job zone that each education category usually prepares for.
_ZONE_FOR_EDUCATION = {1: 1, 2: 2, 3: 3, 4: 3, 5: 3, 6: 4, 7: 4, 8: 5, 9: 5, 10: 5, 11: 5, 12: 5}


@dataclass
class PassionPhrase:
    text: str
    source: str


@dataclass
class Person:
    """What matching needs to know about one person."""

    riasec: F32 | None
    levels: F32
    education: int
    zone: int
    experience_years: float
    values: F32 | None
    phrases: list[PassionPhrase] = field(default_factory=list)
    phrase_vectors: F32 | None = None
    #: (phrases, occupations): each phrase's explore score, standardised per phrase.
    phrase_scores: F32 | None = None
    #: (aversions, occupations): explore scores of what the person wants to leave behind.
    aversion_scores: F32 | None = None
    #: (aversions,): which of them the person stated in a sentence ("I'm done with bedside
    #: nursing"), rather than listed or set against something they want.
    aversion_stated: NDArray[np.bool_] | None = None
    #: (occupations,) 0-1: how directly what the person studied leads to each occupation.
    study_relevance: F32 | None = None
    past_occupations: list[int] = field(default_factory=list)
    max_job_zone: int | None = None
    #: The person is happy with work below their preparation (fewer hours, less stress).
    lower_levels_ok: bool = False
    #: Everything else the person wrote (summary, jobs, studies, skills, certificates),
    #: read with the passion phrases to tell which sense of a word they mean.
    context: list[str] = field(default_factory=list)


def education_level(document: ProfileDocument) -> int:
    """Highest O*NET education category (1-12) the profile shows; 2 (high school) if none."""
    best = 2 if not document.education else 1
    for entry in document.education or []:
        text = f"{entry.studyType or ''} {entry.area or ''}".lower()
        for pattern, category in _STUDY_LEVELS:
            if re.search(pattern, text):
                best = max(best, category)
                break
        else:
            best = max(best, 4)  # some post-secondary study of an unnamed kind
    for certificate in document.certificates or []:
        if certificate.name and _COURSE_CERTIFICATE.search(certificate.name):
            best = max(best, 3)
    return best


def _year(text: str | None, default: float) -> float:
    if not text:
        return default
    parts = text.split("-")
    return int(parts[0]) + (int(parts[1]) - 1) / 12 if len(parts) > 1 else float(parts[0])


def experience_years(document: ProfileDocument, today: date | None = None) -> float:
    now = (today or date.today()).year + ((today or date.today()).month - 1) / 12
    total = 0.0
    for job in document.work or []:
        start = _year(job.startDate, now)
        total += max(0.0, _year(job.endDate, now) - start)
    return total


#: Words that say nothing about the work itself: a clause made only of these, plus one other
#: word ("which is what I'm doing now", "not just what they say"), leans on its neighbour
#: for meaning and on its own matches occupations at random.
_FUNCTION_WORDS = frozenset(
    (
        "a an the of to and or but in on at by for from with as into about so if than then "
        "i me my mine we us our you your he him his she her it its they them their "
        "i'm i've i'd it's they're that's what's "
        "what which who whom whose that this these those there here "
        "is am are was were be been being do does did doing done have has had having "
        "can could will would should may might must just not no very really also too "
        "now still even only ever all some any much many more most one "
        "something anything everything nothing stuff"
    ).split()
)
#: A clause that opens with one of these and names one thing ("the library", "my dogs") is
#: a place or thing of its own, as one item of a list usually is ("a school office or the
#: library"), not a fragment.
_DETERMINERS = frozenset("a an the my our".split())


def _content_words(text: str) -> int:
    return sum(w.strip(".,;:!?\"'").lower() not in _FUNCTION_WORDS for w in text.split())


def _says_something(text: str) -> bool:
    words = text.split()
    if len(words) == 2 and words[0].lower() in _DETERMINERS and _content_words(text) == 1:
        return True
    return _content_words(text) >= 2


def passion_phrases(document: ProfileDocument) -> list[PassionPhrase]:
    """The person's own words about what they love: reflections, activities and interests
    (the first half of ``split_phrases``)."""
    return split_phrases(document)[0]


def split_phrases(document: ProfileDocument) -> tuple[list[PassionPhrase], list[str], list[str]]:
    """(passion phrases, what they set against it, what they say they are leaving). A phrase
    that compares keeps only what is wanted: "more time with people than with spreadsheets"
    gives the passion phrase "time with people" and the aversion "spreadsheets". A phrase
    that says the person is tired of something ("I am tired of the lab routine") is no
    passion: what it names is an aversion, and a stated one (the third list, which the
    second also holds)."""
    from passionpath.match._intent import aversion, contrast

    wanted: list[PassionPhrase] = []
    against: list[str] = []
    stated: list[str] = []
    for phrase in _own_phrases(document):
        tired = aversion(phrase.text) if phrase.source in _MAY_SAY_TIRED else None
        if tired is not None:
            # "I am tired of the lab routine" is evidence against lab work, never for it.
            before, thing = tired
            if _content_words(thing):
                against.append(thing)
                stated.append(thing)
            if _says_something(before):
                wanted.append(PassionPhrase(before, phrase.source))
            continue
        wish, avoid = contrast(phrase.text)
        if avoid:
            against.append(avoid)
        if wish == phrase.text:
            wanted.append(phrase)
        elif _says_something(wish):
            wanted.append(PassionPhrase(wish, phrase.source))
    return wanted, against, stated


#: Where a person writes in sentences, and so may say what they are tired of (a summary's
#: wish can end in one: "I want to learn a trade, not sit in a classroom"). Causes are left
#: out: "I hate seeing animals suffer" is what they want to fight, not work to avoid; and
#: names of activities and interests are names.
_MAY_SAY_TIRED = frozenset(
    (
        "reflections.lose_track_of_time",
        "reflections.unpaid",
        "reflections.talents",
        "preferences.wants",
        "summary",
    )
)


def _own_phrases(document: ProfileDocument) -> list[PassionPhrase]:
    from passionpath.match._intent import summary_intents
    from passionpath.text import phrases

    block = document.passionpath
    out: list[PassionPhrase] = []
    if block is not None:
        for key in ("lose_track_of_time", "unpaid", "causes", "talents"):
            clauses = [text for text, _, _ in phrases(getattr(block.reflections, key))]
            kept = [text for text in clauses if _says_something(text)]
            if not kept:
                # An answer of single words ("Sketch and paint") is still the person's
                # answer: its words count, one by one.
                kept = [text for text in clauses if _content_words(text) >= 1]
            out += [PassionPhrase(text, f"reflections.{key}") for text in kept]
        for activity in block.activities:
            if activity.kind in ("hobby", "volunteering", "project"):
                out.append(PassionPhrase(activity.name, "activities"))
    if block is not None:
        for want in block.preferences.wants:
            if want.strip():
                out.append(PassionPhrase(want.strip(), "preferences.wants"))
    wishes, _ = summary_intents(document.basics.summary if document.basics else None)
    for wish in wishes:
        for text, _, _ in phrases(wish):
            if _says_something(text):
                out.append(PassionPhrase(text, "summary"))
    for interest in document.interests or []:
        if interest.name:
            words = ", ".join(interest.keywords or [])
            out.append(PassionPhrase(f"{interest.name} {words}".strip(), "interests"))
    return out


#: At most this many phrases are read from a work history standing in for passion.
WORK_PHRASES = 12


def work_phrases(document: ProfileDocument) -> list[PassionPhrase]:
    """What the person's work history says they do, as phrases (source ``work``): the
    headline and every position held, then what the latest jobs involved (summaries and
    highlights). Read only when the person has said nothing yet about what they love: a
    published resume holds no reflections, and a nurse who has only uploaded hers should
    see nursing and the work around it, not a list in catalog order."""
    from passionpath.text import phrases

    out: list[str] = []
    if document.basics is not None and document.basics.label:
        out.append(document.basics.label)
    jobs = [*(document.work or []), *(document.volunteer or [])]
    out += [job.position for job in jobs if job.position]
    for job in (document.work or [])[:3]:
        for text in [job.summary or "", *(job.highlights or [])]:
            out += [clause for clause, _, _ in phrases(text)]
    kept: list[PassionPhrase] = []
    seen: set[str] = set()
    for text in out:
        text = re.sub(r"\s+", " ", text).strip(" .;,")
        if _says_something(text) and text.lower() not in seen:
            seen.add(text.lower())
            kept.append(PassionPhrase(text, "work"))
    return kept[:WORK_PHRASES]


#: How much a phrase's evidence counts, by where the person wrote it. A cause says what the
#: person cares about ("kids who don't fit in"), which is more often who they want to help
#: than the work they want to do, so it counts half; everything else counts in full.
#: (Chosen on the tune half of the persona evaluation: 0.3, 0.5, 0.7 and 1 were tried.)
SOURCE_WEIGHTS = {"reflections.causes": 0.5}


def phrase_weights(found: list[PassionPhrase]) -> F32:
    """(phrases,) weight of each phrase's evidence, after SOURCE_WEIGHTS."""
    return np.asarray([SOURCE_WEIGHTS.get(p.source, 1.0) for p in found], dtype=np.float32)


def context_texts(document: ProfileDocument) -> list[str]:
    """What the person wrote besides their passion phrases: the summary, jobs and
    volunteering (titles, summaries, highlights), studies, certificates, skills and the
    notes of activities. "Patient with slow progress" from a physiotherapist who worked in
    a rehabilitation hospital is about patients after all."""
    out: list[str] = []
    if document.basics is not None:
        out += [document.basics.label or "", document.basics.summary or ""]
    for job in [*(document.work or []), *(document.volunteer or [])]:
        out += [job.position or "", job.summary or "", *(job.highlights or [])]
    for entry in document.education or []:
        out += [entry.area or "", entry.studyType or "", *(entry.courses or [])]
    out += [c.name or "" for c in document.certificates or []]
    for skill in document.skills or []:
        out += [skill.name or "", *(skill.keywords or [])]
    if document.passionpath is not None:
        out += [f"{a.name} {a.notes}" for a in document.passionpath.activities]
    return [text for text in out if text.strip()]


def study_texts(document: ProfileDocument) -> list[str]:
    """What each education entry covers: its field and courses, in the person's words."""
    out = []
    for entry in document.education or []:
        parts = [entry.area or "", ", ".join(entry.courses or [])]
        text = ": ".join(p for p in parts if p.strip())
        if text:
            out.append(text)
    return out


def profile_interests(document: ProfileDocument, inferred: F32 | None) -> F32 | None:
    """RIASEC on a 0-1 scale: inventory scores / 40, averaged with text inference if any."""
    block = document.passionpath
    inventory = None
    if block is not None and block.inventory is not None:
        try:
            result = score(block.inventory.answers, block.inventory.form)
            inventory = np.asarray([result.scores[a] / 40.0 for a in AREAS], dtype=np.float32)
        except InventoryError:
            stored = block.inventory.scores
            if stored and set(stored) == set(AREAS):
                inventory = np.asarray([stored[a] / 40.0 for a in AREAS], dtype=np.float32)
    if inventory is not None and inferred is not None:
        return np.asarray((inventory + inferred) / 2.0, dtype=np.float32)
    return inventory if inventory is not None else inferred


#: Where a field of study counts as leading to an occupation when its knowledge is read
#: off the occupations that field leads to.
_STUDY_LEADS = 0.5


def prior_levels(
    matrices: CatalogMatrices,
    zone: int,
    past_occupations: list[int],
    study_relevance: F32 | None,
) -> F32:
    """Levels assumed for descriptors the person did not rate.

    Skills (reading, speaking, reasoning) grow with any schooling and work, so they default
    to 90% of the average in the job zone the person's preparation reaches. Knowledge is
    tied to a field: a graduate knows their own subject, not every subject of their zone.
    So knowledge starts at the general level every zone-1 job expects (what school gives),
    and rises to 80% of what the jobs the person has held require, and to 90% of what the
    occupations their field of study leads to require.
    """
    level = np.nan_to_num(matrices.level, nan=0.0)
    rated = matrices.has_skills
    knowledge = np.asarray([kind == "knowledge" for kind in matrices.descriptor_kinds])

    def average(rows: NDArray[np.bool_]) -> F32:
        return level[rows].mean(axis=0) if rows.any() else np.zeros(level.shape[1], np.float32)

    prior = 0.9 * average((matrices.job_zone == min(zone, 5)) & rated)
    prior[knowledge] = average((matrices.job_zone == 1) & rated)[knowledge]
    if study_relevance is not None:
        leads = study_relevance >= _STUDY_LEADS
        if leads.any():
            weights = study_relevance[leads]
            studied = (weights @ level[leads]) / weights.sum()
            prior[knowledge] = np.maximum(prior[knowledge], 0.9 * studied[knowledge])
    for row in past_occupations:
        prior = np.maximum(prior, 0.8 * level[row])
    return prior.astype(np.float32)


def experienced_zone(schooled: int, years: float, held_zones: F32) -> int:
    """The job zone a person stands at: their education's, one higher after four years of
    work (years stand in for some training, but not for a graduate degree), though never
    more than one above the work they did. Nineteen years as a 911 dispatcher (zone 2)
    after some college (zone 3) is zone 3, not 4: office work at zone 2 is no step down
    for her; twenty years of roofing (zone 2) after an NVQ level 2 is zone 3."""
    if years < 4 or schooled >= 4:
        return schooled
    known = held_zones[np.isfinite(held_zones)]
    if known.size:
        return max(schooled, min(schooled + 1, int(known.max()) + 1))
    return schooled + 1


def build_person(
    document: ProfileDocument,
    matrices: CatalogMatrices,
    *,
    inferred_riasec: F32 | None = None,
    phrases: list[PassionPhrase] | None = None,
    phrase_vectors: F32 | None = None,
    phrase_scores: F32 | None = None,
    aversion_scores: F32 | None = None,
    aversion_stated: NDArray[np.bool_] | None = None,
    study_relevance: F32 | None = None,
    past_occupations: list[int] | None = None,
) -> Person:
    """Vectors for ``document`` on ``matrices``' axes.

    Descriptors the person did not rate get a prior: 80% of the level required by jobs they
    have held, else the average level of occupations in the job zone their education reaches
    (a graduate is assumed to read, write and reason like one).
    """
    block = document.passionpath
    education = education_level(document)
    years = experience_years(document)
    past = past_occupations or []
    zone = experienced_zone(_ZONE_FOR_EDUCATION[education], years, matrices.job_zone[past])
    ids = matrices.descriptor_ids
    position = {e: i for i, e in enumerate(ids)}
    levels = prior_levels(matrices, zone, past, study_relevance)
    if block is not None:
        for item in [*block.skills, *block.knowledge]:
            j = position.get(item.element_id)
            if j is not None:
                levels[j] = item.level
    values = None
    if block is not None and block.work_values:
        values = np.asarray([block.work_values.get(v, 4.0) for v in WORK_VALUES], np.float32)
    return Person(
        riasec=profile_interests(document, inferred_riasec),
        levels=levels,
        education=education,
        zone=zone,
        experience_years=years,
        values=values,
        phrases=passion_phrases(document) if phrases is None else phrases,
        phrase_vectors=phrase_vectors,
        phrase_scores=phrase_scores,
        aversion_scores=aversion_scores,
        aversion_stated=aversion_stated,
        study_relevance=study_relevance,
        past_occupations=past,
        max_job_zone=block.constraints.max_job_zone if block else None,
        lower_levels_ok=bool(block and block.constraints.open_to_lower_levels),
        context=context_texts(document),
    )


#: Activities whose names join the passion phrases (study and work show preparation).
_PASSION_ACTIVITIES = ("hobby", "volunteering", "project")


@dataclass(frozen=True)
class Readiness:
    """What a profile gives matching to go on, by side, as the parts of the profile that
    hold it (``"reflections"``, ``"inventory"``, ``"education"``, ...).

    Ranking needs the passion side: with no word of what the person loves, no inventory
    and no work history, every occupation's passion fit is zero, and an order made from
    preparation alone would put work the person never asked for first. A work history
    alone (``"work"``) stands in for it: the list then follows what the person has done.
    """

    passion: tuple[str, ...]
    preparation: tuple[str, ...]

    @property
    def can_rank(self) -> bool:
        return bool(self.passion)

    @property
    def from_work_only(self) -> bool:
        """True when the passion side is read from the work history alone."""
        return self.passion == ("work",)


def readiness(document: ProfileDocument) -> Readiness:
    """Which parts of ``document`` feed the passion fit and which the qualification fit
    (the same parts ``build_person`` reads; cheap, nothing is inferred)."""
    from passionpath.match._intent import summary_intents

    block = document.passionpath
    passion = []
    if block is not None and any(a.strip() for a in block.reflections.model_dump().values()):
        passion.append("reflections")
    if block is not None and any(a.kind in _PASSION_ACTIVITIES for a in block.activities):
        passion.append("activities")
    if profile_interests(document, None) is not None:
        passion.append("inventory")
    if summary_intents(document.basics.summary if document.basics else None)[0]:
        passion.append("summary")
    if any(i.name for i in document.interests or []):
        passion.append("interests")
    if not passion and work_phrases(document):
        passion.append("work")  # stands in until the person says what they love
    preparation = [
        name
        for name, present in (
            ("education", bool(document.education)),
            ("work", any(j.position or j.startDate for j in document.work or [])),
            ("certificates", any(c.name for c in document.certificates or [])),
            ("skills", bool(block and (block.skills or block.knowledge))),
        )
        if present
    ]
    return Readiness(tuple(passion), tuple(preparation))

"""What a person says they want and want to leave, in their own summary.

A résumé summary mixes facts ("63, HVAC technician for 38 years") with the two things an
adviser listens for most: wishes ("I'd like to teach apprentices") and what the person is
moving away from ("my knees don't like attics and roofs anymore"). Facts are left to the
rest of the profile; wishes join the passion phrases, and aversions lower the passion
fit of the work they describe.
"""

from __future__ import annotations

import re

_SENTENCES = re.compile(r"[.!?;:]+(?:\s+|$)|\n+")
_WISH = re.compile(
    r"\b(love|loving|enjoy|like to|i'?d like|would like|want|wanting|wish|dream|hope to|"
    r"care about|curious about|passion|favourite|favorite|best part|happiest|interested in|"
    r"drawn to|towards|get into|move into|get back to|go back to|good at|great at|ideally|"
    r"spare time|at weekends|for fun|apprenticeship)\b",
    re.IGNORECASE,
)
#: A cue, then what the person is tired of: the object is what the aversion is about.
_AVERSION = re.compile(
    r"\b(?:tired of|sick (?:to death |and tired )?of|fed up with|"
    r"burn(?:t|ed) out(?: by| from| after| on| with)?|"
    r"can'?t take|cannot take|can no longer|no longer want(?: to)?|don'?t like|do not like|"
    r"doesn'?t like|hate|done with|away from|leave behind|leaving|get out of|get off|"
    r"don'?t want(?: to)?|do not want(?: to)?|want out of|(?:had|'s had|'ve had) enough of|"
    r"move on from|moving on from|"
    r"step away from|a change from|(?:options|roles|jobs|work|careers?|something|"
    r"opportunities) outside(?: of)?)\b\s*(?P<object>.*)",
    re.IGNORECASE,
)
_NEGATION_LED = re.compile(
    r"^\s*(?:not|no more|never again)\s+"
    r"(?!(?:just|only|even|really|quite|always|yet|sure|that|too|so|bad|enough|because|"
    r"ready|afraid|scared|bothered|fussed|certain|giving up|long|many|much)\b)"
    r"(?P<object>.+)$",
    re.I,
)
_TRAILING = re.compile(r"\s*\b(any ?more|much longer|any longer|now)\s*$", re.IGNORECASE)
#: Where an aversion's object ends and the next thought begins: "burnt out by the workload
#: and looking at options outside the classroom" is about the workload, then the classroom.
_NEXT_THOUGHT = re.compile(
    r"\s*,?\s+(?:(?:and|so)\s+(?=(?:i'?m\s+|i am\s+|i\s+)?(?:looking|want|wanting|would|"
    r"i'?d|ready|hoping|keen|thinking|need|considering)\b)|but\s+)",
    re.IGNORECASE,
)


def aversion(phrase: str) -> tuple[str, str] | None:
    """(what comes before the cue, what the person is tired of) when ``phrase`` says they
    want to leave something ("I am tired of the lab routine" gives ("I am", "the lab
    routine")); None when it says nothing of the kind."""
    found = _AVERSION.search(phrase)
    if not found:
        # A fragment led by a negation ("not sit in a classroom for another two years",
        # cut from "I want to learn a trade, not ...") sets itself against the wish.
        led = _NEGATION_LED.match(phrase)
        if led and len(led.group("object").split()) >= 3:
            return "", _object(led)
        return None
    return phrase[: found.start()].strip(" ,;"), _object(found)


def _object(found: re.Match[str]) -> str:
    """What a matched cue is about, up to the next thought, without "anymore" and the
    like."""
    thing = _NEXT_THOUGHT.split(found.group("object"), maxsplit=1)[0]
    return _TRAILING.sub("", thing).strip(" ,.;")


def _aversions_in(sentence: str) -> tuple[list[str], str]:
    """Every aversion a sentence states, in order (one cue after another), and the thought
    left after the last ("ready to move on from bar work and I would like to train as a
    plumber" leaves the wish)."""
    out: list[str] = []
    rest = sentence
    while found := _AVERSION.search(rest):
        thing = _object(found)
        if thing:
            out.append(thing)
        after = _NEXT_THOUGHT.split(found.group("object"), maxsplit=1)
        rest = after[1] if len(after) == 2 else ""
    return out, rest


def summary_intents(summary: str | None) -> tuple[list[str], list[str]]:
    """(wishes, aversions) in ``summary``, each a sentence or the part of it that matters.

    A sentence can be both ("tired of the counter; I enjoy reading studies" is split at
    the semicolon first). Sentences that are neither are facts and left out.
    """
    wishes: list[str] = []
    aversions: list[str] = []
    for sentence in _SENTENCES.split(summary or ""):
        sentence = sentence.strip(" ,-")
        if not sentence:
            continue
        if first := _AVERSION.search(sentence):
            found, rest = _aversions_in(sentence)
            aversions += found or [sentence]
            # A wish can come first ("Want something that uses what I know, without leaving
            # home for months") or after ("...and I would like to train as a plumber").
            before = sentence[: first.start()].strip(" ,;-")
            before = re.sub(r"\s+(?:without|but|and|or|so)$", "", before).strip(" ,;-")
            said = [w for w in _WISH.sub("", before).split() if len(w) > 3]
            if _WISH.search(before) and len(said) >= 2:
                wishes.append(before)
            if _WISH.search(rest):
                wishes.append(rest.strip(" ,.;"))
        elif led := _NEGATION_LED.match(sentence):
            # A sentence of its own led by a negation ("Not driving anymore.").
            aversions.append(_object(led))
        elif _WISH.search(sentence):
            wishes.append(sentence)
    return wishes, aversions


#: Comparisons split a phrase into what the person wants and what they are moving away
#: from: "more time with people than with spreadsheets" is evidence for work with people,
#: and against spreadsheets, never for both.
_CONTRASTS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^(?P<want>.*?)\s*(?:,?\s*\b(?:rather than|instead of)|,\s*not)\s+(?P<avoid>.+)$",
        r"^(?P<want>.*?\bmore\b.+?)\s+than\s+(?P<avoid>.+)$",
        r"^(?P<want>.*?)\s*,?\s*(?:\band\s+|\bbut\s+)?\b(?:less|fewer)\s+(?P<avoid>.+)$",
        r"^(?P<want>.*?)\s*,?\s*\bwhich is more than i can say (?:for|about)\s+(?P<avoid>.+)$",
    )
)
_LEADING = re.compile(r"^(?:with|on|at|in|doing|for|about|the|a|an)\s+", re.I)
_MORE = re.compile(r"\bmore\s+", re.I)


def _tidy(text: str) -> str:
    text = _TRAILING.sub("", text.strip(" ,.;"))
    while (shorter := _LEADING.sub("", text)) != text:
        text = shorter
    return _TRAILING.sub("", re.sub(r"\s+these days$", "", text, flags=re.I)).strip(" ,.;")


def contrast(phrase: str) -> tuple[str, str | None]:
    """(what is wanted, what is set against it) in a phrase that compares the two; the
    phrase itself and None when it compares nothing. "less deadline pressure" wants
    nothing and avoids deadline pressure ("" is returned for the wanted part)."""
    for pattern in _CONTRASTS:
        found = pattern.match(phrase.strip())
        if found and found.group("avoid").strip():
            want = _MORE.sub("", found.group("want")).strip(" ,;")
            return want, _tidy(found.group("avoid")) or None
    return phrase, None

"""Is this English? And is there anything to go on? Checks before text is understood.

The embeddings, the interest model and the lexical index all read English. Text in
another language still gets scores, but they mean nothing, so it is better refused
plainly. The test needs no model: small sets of function words per language, letters
with accents, and the share of words the MiniLM vocabulary (English WordPiece) keeps
whole. Short texts ("baking") carry too little evidence and always pass.
Tuned and measured with ``tests/data/language_eval.tsv`` (see benchmarks/eval_language.py).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from passionpath.errors import PassionpathError
from passionpath.limits import MAX_TEXT_CHARS, MAX_TEXTS, MAX_TEXTS_TOTAL_CHARS
from passionpath.text._embedding import TOKENIZER_FILE

#: Fewer words than this and the text passes: too little to judge.
MIN_WORDS = 3
#: Below this share of words the English vocabulary keeps whole, text is not English.
MIN_WHOLE_SHARE = 0.6

_ENGLISH = frozenset(
    """a about all am an and any are as at be been but by can could do does doing for from
    get go had has have he her him his how i i'd i'm i've if im in into is it it's its just
    like love make me more most my myself no not of off on one or our out people so some
    than that the their them there they things this to too up us very was we were what
    when where which while who why will with would you your""".split()
)
#: Frequent short words of other languages that are not English words as well.
_FOREIGN = {
    "French": """au aux avec ce c'est ces cette dans des du elle est et être j'adore j'aime
        je la le les leur leurs mais ma mes moi mon ne nous ou où par pas plus pour qu'il
        que qui quand sa ses son sont sur très un une vous""",
    "Spanish": """al con cuando del el ella en encanta es esta está gusta las lo los más me mi
        mis muy para pero por porque que se sin son su sus también tengo una uno y yo""",
    "German": """auf aus bei bin das dass dem den der des die du ein eine einem einen er es
        für gerne habe ich im ist mich mir mit nicht sehr sich sie und von wenn zu zum""",
    "Portuguese": """ao aos as com da das de do dos ela em estou eu gosto minha meu muito na
        não no nos os para pelo por quando que se sem seu sua também um uma você""",
    "Italian": """al alla che chi con da del della di gli il io la le lo mi mio mia molto nel
        nella non per perché più piace quando sono su tra un una""",
    "Dutch": """aan als ben bij dan dat de een en het hou ik in is je mijn met niet of om op
        te van voor wat ze zijn""",
}
_FOREIGN_WORDS = {
    language: frozenset(words.split()) - _ENGLISH for language, words in _FOREIGN.items()
}
_APOSTROPHE = "\u2019"  # the typographic apostrophe phones and word processors type
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


@dataclass(frozen=True)
class LanguageGuess:
    """What the check saw: English or not, and the language it looks like otherwise."""

    english: bool
    language: str | None
    words: int
    whole_share: float


class TextInputError(PassionpathError):
    """A text cannot be used. ``index`` is its place in the list (0-based) when there are
    several; ``reason`` is the message without the place, so faces can name it their way."""

    def __init__(self, reason: str, *, index: int | None = None) -> None:
        self.reason = reason
        self.index = index
        super().__init__(f"Text {index + 1}: {reason}" if index is not None else reason)


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    data = json.loads(TOKENIZER_FILE.read_text(encoding="utf-8"))
    return frozenset(word for word in data["model"]["vocab"] if word.isalpha())


def english_word(word: str) -> bool:
    """Whether the uncased MiniLM vocabulary keeps ``word`` whole (a common English word)."""
    return word.lower() in _vocabulary()


def _plain(word: str) -> str:
    """Lower case without accents, as the uncased MiniLM tokenizer sees a word."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return latin / len(letters)


def guess_language(text: str) -> LanguageGuess:
    """Whether ``text`` reads as English, with the evidence used."""
    if _latin_share(text) < 0.5:
        return LanguageGuess(False, "a non-Latin script", 0, 0.0)
    words = [w.replace(_APOSTROPHE, "'") for w in _WORD.findall(text.lower())]
    if len(words) < MIN_WORDS:
        return LanguageGuess(True, None, len(words), 1.0)
    vocabulary = _vocabulary()
    parts = [p for word in words for p in word.split("'") if p]
    whole = sum(1 for p in parts if _plain(p) in vocabulary) / max(len(parts), 1)
    english = sum(1 for w in words if w in _ENGLISH)
    accented = sum(1 for w in words if _plain(w) != w)
    hits = {
        language: sum(1 for w in words if w in own or w.split("'")[0] + "'" in own)
        for language, own in _FOREIGN_WORDS.items()
    }
    language, foreign = max(hits.items(), key=lambda kv: kv[1])
    evidence = foreign + accented
    # Function words and accents decide; the vocabulary share only tips a text with a
    # foreign function word and no more English ones, because English jargon, slang ("k8s",
    # "idk") and accented names ("Lumière") are often split by the tokenizer too.
    not_english = evidence > english and (evidence >= 2 or (foreign and whole < MIN_WHOLE_SHARE))
    named = language if foreign else "another language"
    return LanguageGuess(not not_english, named if not_english else None, len(words), whole)


def check_text(text: str, *, index: int | None = None) -> str:
    """Refuse a text with nothing in it, one over the size limit, or one not in English."""
    if not text or not text.strip():
        raise TextInputError("the text is empty; there is nothing to go on.", index=index)
    if len(text) > MAX_TEXT_CHARS:
        raise TextInputError(
            f"the text is {len(text)} characters long; the limit is {MAX_TEXT_CHARS}.",
            index=index,
        )
    if not any(c.isalpha() for c in text):
        raise TextInputError("the text has no words; there is nothing to go on.", index=index)
    guess = guess_language(text)
    if not guess.english:
        raise TextInputError(
            f"this looks like {guess.language}, not English; only English is understood for now.",
            index=index,
        )
    return text


def check_texts(texts: Sequence[str]) -> list[str]:
    """:func:`check_text` for each of a list of texts, which must hold 1 to MAX_TEXTS."""
    if not texts:
        raise TextInputError("there are no texts; there is nothing to go on.")
    if len(texts) > MAX_TEXTS:
        raise TextInputError(f"there are {len(texts)} texts; the limit is {MAX_TEXTS}.")
    single = len(texts) == 1
    checked = [check_text(text, index=None if single else i) for i, text in enumerate(texts)]
    check_total(checked)
    return checked


def check_total(texts: Sequence[str]) -> None:
    """Refuse texts that together exceed MAX_TEXTS_TOTAL_CHARS."""
    total = sum(len(text) for text in texts)
    if total > MAX_TEXTS_TOTAL_CHARS:
        raise TextInputError(
            f"the texts add up to {total} characters; the limit is {MAX_TEXTS_TOTAL_CHARS} "
            "for all of them together."
        )


def language_warnings(texts: Sequence[tuple[str, str]]) -> list[str]:
    """One line for each (where, text) that is not English. Stored writing is kept as it
    is; the warning says why it adds little to the match."""
    warnings = []
    for where, text in texts:
        guess = guess_language(text)
        if not guess.english:
            warnings.append(
                f"{where} looks like {guess.language}, not English; only English is "
                "understood, so it counts for little in this match. Write it in English "
                "for better results."
            )
    return warnings

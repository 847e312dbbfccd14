"""The English-only check: short and informal English passes, other languages are refused,
and a stored profile in another language is kept and warned about."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from passionpath.text import TextInputError, check_text, guess_language, language_warnings

DATA = Path(__file__).resolve().parents[1] / "data" / "language_eval.tsv"


def _rows(split: str) -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [row for row in rows if row["split"] == split]


@pytest.mark.parametrize(
    "text",
    [
        "baking",
        "I love video games",
        "lol idk tbh",
        "Kubernetes, Terraform, AWS, GCP",
        "I love café culture and naïve art",
        "Cooking with José and Zoë on Sundays",
        "i rly like coding stuff 🎮",
    ],
)
def test_short_and_informal_english_passes(text: str) -> None:
    assert guess_language(text).english
    assert check_text(text) == text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("J'adore faire de la pâtisserie le week-end avec mes enfants 🍰", "French"),
        ("Me encanta cocinar para mi familia los domingos", "Spanish"),
        ("Ich liebe es, alte Autos zu reparieren", "German"),
        ("Eu adoro cozinhar e receber os amigos em casa", "Portuguese"),
        ("Mi piace molto cucinare la pasta fatta in casa", "Italian"),
        ("Ik hou van fietsen en tuinieren in het weekend", "Dutch"),
        ("Я люблю программирование и музыку", "a non-Latin script"),
    ],
)
def test_other_languages_are_named_and_refused(text: str, language: str) -> None:
    guess = guess_language(text)
    assert not guess.english and guess.language == language
    with pytest.raises(TextInputError, match=f"looks like {language}, not English"):
        check_text(text)


def test_the_tuning_half_is_all_right() -> None:
    rows = _rows("tune")
    wrong = [r["text"] for r in rows if guess_language(r["text"]).english != (r["label"] == "en")]
    assert len(rows) >= 40 and wrong == []


def test_the_held_out_half_is_at_least_nine_in_ten() -> None:
    rows = _rows("test")
    right = sum(guess_language(r["text"]).english == (r["label"] == "en") for r in rows)
    english = [r for r in rows if r["label"] == "en"]
    assert len(rows) == 40 and right / len(rows) >= 0.9
    # Refusing English would stop a person cold: no English text of the held-out half may fail.
    assert all(guess_language(r["text"]).english for r in english)


def test_stored_writing_in_another_language_is_warned_about_not_refused() -> None:
    warnings = language_warnings(
        [
            ("passionpath.reflections.causes", "La cause qui me touche le plus, c'est l'écologie"),
            ("passionpath.reflections.talents", "Explaining complicated things simply"),
        ]
    )
    assert len(warnings) == 1
    assert warnings[0].startswith("passionpath.reflections.causes looks like French")

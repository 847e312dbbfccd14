"""When two contacts are one person, and what their merge holds (pure, no database)."""

from __future__ import annotations

from datetime import date

import pytest

from passionpath.network import ContactFields, Email, Phone
from passionpath.network._merge import BookIndex, linkedin_key, merge_fields


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/in/lena-ortiz-ux",
        "http://linkedin.com/in/Lena-Ortiz-UX/",
        "https://uk.linkedin.com/in/lena-ortiz-ux?trk=profile",
        "www.linkedin.com/mwlite/in/lena-ortiz-ux",
    ],
)
def test_a_linkedin_profile_is_one_however_its_link_is_written(url: str) -> None:
    assert linkedin_key(url) == "linkedin.com/in/lena-ortiz-ux"


def test_percent_encoded_profile_links_match_their_letters() -> None:
    assert linkedin_key("https://www.linkedin.com/in/mei-%E7%94%B0%E4%B8%AD") == (
        "linkedin.com/in/mei-田中"
    )
    assert linkedin_key("https://www.linkedin.com/company/figma") is None


def index_of(*contacts: ContactFields) -> BookIndex:
    index = BookIndex()
    for key, contact in enumerate(contacts):
        index.add(key, contact)
    return index


LENA = ContactFields(
    display_name="Lena Ortiz",
    given_name="Lena",
    family_name="Ortiz",
    emails=(Email("lena@figma.example"),),
    organisation="Figma",
)


def test_an_email_in_common_comes_first() -> None:
    index = index_of(ContactFields(display_name="Someone"), LENA)
    match = index.find(ContactFields(display_name="L. O.", emails=(Email("LENA@figma.example"),)))
    assert match is not None and (match.key, match.reason) == (1, "same email LENA@figma.example")


@pytest.mark.parametrize(
    ("name", "organisation", "found"),
    [
        ("Lena Ortiz", "Figma, Inc.", True),
        ("LENA ORTIZ", "figma", True),
        ("Ortiz Lena", "Figma", True),  # word order
        ("Léna Ortíz", "Figma", True),  # accents
        ("Lena Ortis", "Figma", True),  # one letter off
        ("Lena Ortiz", "Canva", False),
        ("Lena Ortiz", None, False),  # no organisation on one side
        ("Lea Ortega", "Figma", False),
    ],
)
def test_the_same_name_at_the_same_organisation(
    name: str, organisation: str | None, found: bool
) -> None:
    index = index_of(LENA)
    match = index.find(ContactFields(display_name=name, organisation=organisation))
    assert (match is not None) == found


def test_without_organisations_the_names_must_be_equal() -> None:
    index = index_of(ContactFields(display_name="Sam Lee"))
    assert index.find(ContactFields(display_name="sam  lee.")) is not None
    assert index.find(ContactFields(display_name="Sam Leeson")) is None


def test_two_different_linkedin_profiles_are_two_people() -> None:
    index = index_of(
        ContactFields(
            display_name="Chris Lee",
            organisation="Google",
            urls=("https://www.linkedin.com/in/chris-lee-1",),
        )
    )
    other = ContactFields(
        display_name="Chris Lee",
        organisation="Google",
        urls=("https://www.linkedin.com/in/chris-lee-2",),
    )
    assert index.find(other) is None


def test_a_merge_keeps_the_kept_and_adds_what_only_the_other_has() -> None:
    keep = ContactFields(
        display_name="Lena",
        emails=(Email("lena@figma.example", "work"),),
        phones=(Phone("(415) 555-0134", None, "+14155550134"),),
        tags=("mentor",),
        notes="Portfolio reviews.",
        job_title="Design Lead",
    )
    other = ContactFields(
        display_name="Lena Ortiz",
        given_name="Lena",
        family_name="Ortiz",
        emails=(Email("lena@figma.example", "other"), Email("lena@gmail.example")),
        phones=(Phone("+1 415 555 0134", "mobile", "+14155550134"), Phone("555-0199")),
        tags=("Mentor", "ux"),
        notes="Met at Config. Portfolio reviews.",
        job_title="Staff Designer",
        birthday=date(1988, 4, 15),
        urls=("https://lenaortiz.design",),
    )
    merged = merge_fields(keep, other)
    assert merged.display_name == "Lena" and merged.job_title == "Design Lead"
    assert (merged.given_name, merged.family_name) == ("Lena", "Ortiz")
    assert merged.emails == (
        Email("lena@figma.example", "work"),
        Email("lena@gmail.example"),
    )
    assert [p.original for p in merged.phones] == ["(415) 555-0134", "555-0199"]
    assert merged.tags == ("mentor", "ux")
    assert merged.notes == "Portfolio reviews.\n\nMet at Config. Portfolio reviews."
    assert merged.birthday == date(1988, 4, 15)
    assert merge_fields(merged, other) == merged  # merging again adds nothing

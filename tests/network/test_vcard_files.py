"""vCard files as real clients write them, read into contacts (no database).

The fixtures in ``fixtures/`` are in the exact shape each client exports: line endings,
folding, encodings, groups, parameters. Each test names the quirk it is about.
"""

from __future__ import annotations

import base64
import contextlib
import random
from datetime import date
from pathlib import Path

import pytest

from passionpath.errors import PassionpathError
from passionpath.limits import MAX_CONTACT_PHOTO_BYTES, MAX_IMPORT_CARDS, MAX_TEXT_CHARS
from passionpath.network import ContactFields, Email, ImportFileError, Phone
from passionpath.network._files import read_text
from passionpath.network._incoming import Incoming
from passionpath.network._io import _read as read_file
from passionpath.network._vcard_lines import read_cards
from passionpath.network._vcard_read import read_vcards

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str, data: bytes | None = None) -> tuple[list[Incoming], list[str]]:
    raw = data if data is not None else (FIXTURES / name).read_bytes()
    return read_vcards(name, read_cards(name, read_text(name, raw).lines), None)


def fields(name: str) -> list[ContactFields]:
    return [c.fields for c in read(name)[0]]


def test_google_contacts_escaped_colons_labels_and_photo_links() -> None:
    contacts, _ = read("google_contacts.vcf")
    lena, tomas, dana = (c.fields for c in contacts)
    assert lena.display_name == "Lena Ortiz"
    assert (lena.given_name, lena.family_name) == ("Lena", "Ortiz")
    assert lena.emails == (
        Email("lena.ortiz@figma.example", "work"),
        Email("lena.ortiz@gmail.example", "home"),
    )
    # item1.TEL + item1.X-ABLabel:Studio: the group's label names the number.
    assert [(p.original, p.label) for p in lena.phones] == [
        ("+1 415-555-0134", "mobile"),
        ("(415) 555-0199", "Studio"),
    ]
    # Google writes "https\://": the colon is unescaped.
    assert lena.urls == ("https://www.linkedin.com/in/lena-ortiz-ux", "https://lenaortiz.design")
    assert lena.organisation == "Figma" and lena.job_title == "Design Lead"
    assert lena.birthday == date(1988, 4, 15)
    assert lena.location == "San Francisco, CA, US"
    assert lena.notes is not None and lena.notes.startswith("Met at the Config conference")
    assert "portfolio, ask about" in lena.notes  # folded line joined, \, unescaped
    # "myContacts" is on every Google contact: not a tag anyone chose.
    assert lena.tags == ("mentors",)
    # The photo is a link to Google's servers: not downloaded, and the report says so.
    assert lena.photo is None
    assert contacts[0].warnings == (
        "card 1: the photo is a link to the web; it was not downloaded.",
    )
    assert tomas.birthday == date(1604, 9, 23)  # "--0923": no year
    assert dana.tags == ()


def test_icloud_groups_apple_labels_omitted_year_and_group_cards() -> None:
    contacts, skipped = read("icloud_iphone.vcf")  # CR CR LF line ends
    priya, company = (c.fields for c in contacts)
    assert priya.display_name == "Priya Nair"
    assert priya.organisation == "Northwind Health"  # ORG's first component
    assert priya.emails[0] == Email("priya.nair@northwind.example", "other")  # _$!<Other>!$_
    assert priya.phones == (
        Phone("+44 7700 900123", "mobile", "+447700900123"),
        Phone("+44 20 7946 0958", "Lab", "+442079460958"),
    )
    assert "http://www.linkedin.com/in/priya-nair-research" in priya.urls  # X-SOCIALPROFILE
    assert priya.birthday == date(1604, 2, 29)  # X-APPLE-OMIT-YEAR=1604
    assert priya.notes == "Introduced by Lena.\nLikes long walks and card sorting."
    assert priya.photo is not None and priya.photo.startswith(b"\xff\xd8\xff")
    assert priya.photo_type == "image/jpeg"
    assert priya.location == "Manchester, United Kingdom"
    # A company card (N empty, X-ABShowAs:COMPANY) is named by its FN.
    assert company.display_name == "Blue Bottle Coffee"
    assert company.organisation == "Blue Bottle Coffee"
    assert skipped == ["card 3 is a group of contacts, not a person; skipped."]


def test_macos_contacts_bare_base64_parameter_and_indented_photo() -> None:
    [sam] = fields("apple_contacts_macos.vcf")
    assert sam.display_name == "Dr. Samuel Okafor"
    assert (sam.given_name, sam.family_name) == ("Samuel", "Okafor")
    assert sam.phones[1].label == "Front desk"
    assert sam.urls == ("https://www.linkedin.com/in/samuel-okafor",)
    assert sam.notes == "Mentor from the 2023 fellowship, monthly calls."
    assert sam.photo is not None and len(sam.photo) == 622  # "PHOTO;BASE64:" + indented lines
    assert sam.birthday == date(1979, 11, 2)


def test_outlook_21_windows_1252_quoted_printable_and_base64_block() -> None:
    [juergen] = read("outlook_2016_single.vcf")[0]
    data = juergen.fields
    assert data.display_name == "Jürgen Müller"  # raw Windows-1252 bytes, CHARSET named
    assert data.organisation == "Bäckerei & Design GmbH"
    assert data.job_title == "Berater für Nutzerforschung"
    # QUOTED-PRINTABLE in Windows-1252 with soft line breaks ("=" at a line's end).
    assert data.notes == (
        "Kennengelernt auf der UX-Konferenz in München.\n"
        "Möchte über Jobs als UX-Coach sprechen \u2013 gerne im Frühjahr."
    )
    assert [(p.original, p.label) for p in data.phones] == [
        ("+49 89 1234567", "work"),
        ("+49 151 23456789", "mobile"),
    ]
    assert data.emails == (Email("juergen.mueller@baeckerei-design.example"),)
    assert data.birthday == date(1979, 5, 12)  # 19790512
    assert data.location == "München, Bayern, Deutschland"
    # PHOTO;TYPE=JPEG;ENCODING=BASE64: with the data on indented lines and a blank line after.
    assert data.photo is not None and len(data.photo) == 522
    assert juergen.warnings == ()


def test_outlook_many_cards_utf8_quoted_printable() -> None:
    wei, soren, aoife = fields("outlook_many.vcf")
    assert soren.display_name == "Søren Lund"
    assert (soren.given_name, soren.family_name) == ("Søren", "Lund")
    assert aoife.notes == "Sits on the hiring panel.\nAsk about portfolio reviews."
    assert wei.organisation == aoife.organisation == "Contoso"


def test_android_21_quoted_printable_names_photo_and_sparse_cards() -> None:
    contacts, skipped = read("android_21.vcf")
    eleni, recruiter, phone_only, omar = (c.fields for c in contacts)
    assert eleni.display_name == "Ελένη Παπαδοπούλου"  # QP UTF-8 split by soft breaks
    assert (eleni.given_name, eleni.family_name) == ("Ελένη", "Παπαδοπούλου")
    assert eleni.organisation == "Αθηναϊκή Σχολή Σχεδίου"
    assert eleni.photo is not None and len(eleni.photo) == 402  # PHOTO;ENCODING=BASE64;JPEG
    # A card with only an email is named by it; one with only a phone by the number.
    assert recruiter.display_name == "recruiter@talentbridge.example"
    assert phone_only.display_name == "+1 206 555 0142"
    assert omar.phones[0].label == "Mentor line"  # TEL;X-Mentor line
    assert omar.notes == "Coffee ☕ every month\nCareer switch advice"
    assert skipped == []


def test_android_30() -> None:
    [marco] = fields("android_30.vcf")
    assert marco.display_name == "Marco Rossi"
    assert marco.photo is not None and len(marco.photo) == 322  # ENCODING=B, blank line after
    assert marco.urls == ("www.linkedin.com/in/marco-rossi-ixd",)


def test_cardbook_40_data_uri_photos_tel_uri_and_no_year() -> None:
    contacts, skipped = read("cardbook_40.vcf")
    ines, jonas = (c.fields for c in contacts)
    assert ines.display_name == "Inês Fernandes"
    assert ines.tags == ("mentors", "ux")
    assert ines.birthday == date(1986, 7, 4)
    assert ines.urls == ("https://www.linkedin.com/in/ines-fernandes/",)
    assert ines.notes == "Reviewed my case study; suggested more research methods."
    # CardBook writes the data URI upper-case: PHOTO:DATA:IMAGE/JPEG;BASE64,...
    assert ines.photo is not None and ines.photo_type == "image/jpeg"
    assert jonas.phones == (Phone("+49-30-1234567", "mobile", "+49301234567"),)  # tel: URI
    assert jonas.birthday == date(1604, 12, 24)  # --1224
    assert jonas.photo_type == "image/png"
    assert skipped == ["card 3 is a group of contacts, not a person; skipped."]


def test_utf16_with_bom_and_legacy_8bit_files() -> None:
    [zoe] = fields("windows_utf16.vcf")
    assert zoe.display_name == "Zoë Laurent" and zoe.organisation == "Atelier Café"
    [francois] = fields("legacy_latin1.vcf")
    assert francois.display_name == "François Lefèvre"
    assert francois.notes == "Rencontré à Lyon, très sympathique."


def test_lowercase_names_lf_tab_folds_n_without_fn_nickname_only() -> None:
    kemi, bea = fields("odd_but_valid.vcf")
    assert kemi.display_name == "Kemi Achebe"  # from N, there is no FN
    assert kemi.notes == "A long note that a tool foldedwith a tab instead of a space."
    assert bea.display_name == "Bea"


def test_hundreds_of_cards_with_blank_lines_between_them() -> None:
    cards = "\r\n\r\n".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\nEMAIL:p{i}@example.org\r\nEND:VCARD"
        for i in range(300)
    )
    contacts, _ = read("many.vcf", cards.encode())
    assert [c.fields.display_name for c in contacts[:2]] == ["Person 0", "Person 1"]
    assert len(contacts) == 300 and contacts[-1].source == "card 300"


def test_a_21_base64_block_without_indentation() -> None:
    photo = base64.b64encode(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 2).decode()
    lines = [photo[i : i + 76] for i in range(0, len(photo), 76)]
    card = "\r\n".join(
        [
            "BEGIN:VCARD",
            "VERSION:2.1",
            "N:Ng;Ada",
            "PHOTO;ENCODING=BASE64;TYPE=JPEG:" + lines[0],
            *lines[1:],
            "",
            "TEL;CELL:555-0100",
            "END:VCARD",
        ]
    )
    [ada] = fields_of(card)
    assert ada.photo is not None and len(ada.photo) == 516
    assert ada.phones[0].original == "555-0100"


def fields_of(text: str) -> list[ContactFields]:
    return [c.fields for c in read("card.vcf", text.encode())[0]]


def test_an_oversize_photo_is_dropped_with_a_warning_not_a_failed_import() -> None:
    big = base64.b64encode(b"\xff\xd8\xff" + b"\0" * MAX_CONTACT_PHOTO_BYTES).decode()
    card = f"BEGIN:VCARD\nVERSION:4.0\nFN:Big\nPHOTO:data:image/jpeg;base64,{big}\nEND:VCARD\n"
    [contact] = read("big.vcf", card.encode())[0]
    assert contact.fields.photo is None
    assert "more than the 512,000 a contact's photo may have" in contact.warnings[0]


def test_a_damaged_photo_or_birthday_is_left_out_with_a_warning() -> None:
    card = "BEGIN:VCARD\nFN:X\nBDAY:sometime\nPHOTO;ENCODING=b;TYPE=JPEG:abc\nEND:VCARD\n"
    [contact] = read("x.vcf", card.encode())[0]
    assert contact.fields.birthday is None and contact.fields.photo is None
    assert len(contact.warnings) == 2


def test_a_long_note_is_cut_to_the_limit_and_said_so() -> None:
    card = f"BEGIN:VCARD\nVERSION:3.0\nFN:X\nNOTE:{'a' * (MAX_TEXT_CHARS + 10)}\nEND:VCARD\n"
    [contact] = read("x.vcf", card.encode())[0]
    assert contact.fields.notes is not None and len(contact.fields.notes) == MAX_TEXT_CHARS
    assert "cut" in contact.warnings[0]


@pytest.mark.parametrize(
    ("name", "card", "line", "words"),
    [
        ("bad_truncated.vcf", 2, 6, "has no END:VCARD"),
        ("bad_line.vcf", 2, 9, "is not a vCard property line"),
    ],
)
def test_bad_files_name_the_card_and_the_line(name: str, card: int, line: int, words: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        read(name)
    error = caught.value
    assert (error.filename, error.card, error.line) == (name, card, line)
    assert words in str(error) and str(error).startswith(f"file: {name}, card {card}, line {line}")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("FN:Nobody\n", "outside any card"),
        ("BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n", "before the next card begins"),
        ("END:VCARD\n", "without a BEGIN:VCARD"),
        ("hello\n", "is not a vCard property line"),
        ("BEGIN:VCARD\nFN;X=1:" + "a" * 300 + "\nEND:VCARD\n", "longer than 200"),
        ("BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\n" * 0, "no vCard"),
    ],
)
def test_malformed_cards_are_refused_clearly(text: str, words: str) -> None:
    with pytest.raises(ImportFileError, match=words):
        read("x.vcf", text.encode() or b" ")


def test_too_many_cards_are_refused() -> None:
    card = "BEGIN:VCARD\nFN:A\nEND:VCARD\n"
    with pytest.raises(ImportFileError, match=f"more than {MAX_IMPORT_CARDS:,} cards"):
        read("x.vcf", (card * (MAX_IMPORT_CARDS + 1)).encode())


def test_no_input_gives_anything_but_a_clear_error() -> None:
    """Mutated fixtures (bytes changed, cut, spliced with separators): every outcome is a
    read file or a PassionpathError, never another exception."""
    rng = random.Random(14)
    samples = [p.read_bytes() for p in sorted(FIXTURES.iterdir())]
    splices = [b"=", b"\r\n", b":", b";", b"\\", b'"', b",", b"\x00", b"END:VCARD\r\n", b"=C3"]
    for _ in range(400):
        data = bytearray(rng.choice(samples))
        for _ in range(rng.randint(1, 5)):
            at = rng.randrange(len(data)) if data else 0
            step = rng.random()
            if step < 0.4 and data:
                data[at] = rng.randrange(256)
            elif step < 0.7:
                data[at:at] = rng.choice(splices)
            else:
                del data[at : at + rng.randint(1, 40)]
        with contextlib.suppress(PassionpathError):
            read_file(rng.choice(["x.vcf", "x.csv", "x"]), bytes(data), None)

"""What a person has done (education, jobs, certificates): the half of a profile that says
what they are qualified for, as the faces collect it from forms and files."""

from __future__ import annotations

import re

from passionpath.errors import PassionpathError
from passionpath.profile._document import ProfileDocument

#: Levels of education as a form offers them; each reads as its own O*NET education level
#: when matching (see match.education_level).
EDUCATION_CHOICES = (
    "No formal qualifications",
    "High school diploma",
    "Vocational certificate or diploma",
    "Associate degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctorate (PhD)",
)

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def year_month(text: str, field: str) -> str | None:
    """A date as a person types it in a form (2019, 2019-06, 2019-06-30), checked; None for
    an empty box. The error names ``field`` in the words of the form that asked."""
    value = text.strip()
    if not value:
        return None
    found = _DATE.match(value)
    if found is None or not 1900 <= int(found.group(1)) <= 2100:
        raise PassionpathError(
            f"{field}: write a year like 2019, or a year and month like 2019-06.", field=field
        )
    if found.group(2) is not None and not 1 <= int(found.group(2)) <= 12:
        raise PassionpathError(f"{field}: months run from 01 to 12.", field=field)
    return value


def with_background(current: ProfileDocument, imported: ProfileDocument) -> ProfileDocument:
    """``imported`` (a CV or LinkedIn export) as the person's profile, keeping what they
    answered here: reading a plain CV never discards the passion answers or the inventory,
    and a file without a name keeps the name given."""
    merged = imported.model_copy(deep=True)
    if merged.passionpath is None and current.passionpath is not None:
        merged.passionpath = current.passionpath.model_copy(deep=True)
    if current.basics is not None and current.basics.name:
        if merged.basics is None:
            merged.basics = current.basics.model_copy(deep=True)
        elif not merged.basics.name:
            merged.basics.name = current.basics.name
    return merged

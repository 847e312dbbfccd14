"""How much a person can send, in one place.

Every face (CLI, API, web) and the core checks read these numbers, and the README's
"Limits" table lists them. They are generous for a person writing about themselves and
small enough that no single request can keep the matcher busy for minutes.
"""

from __future__ import annotations

#: One piece of free text: a reflection, an activity note, a summary, an explore query.
MAX_TEXT_CHARS = 4000
#: Texts in one explore or interest-inference request (or lines of an --input file).
MAX_TEXTS = 200
#: Reading text costs about 1 ms per character (interest inference), so two totals keep a
#: request within seconds: all the texts of one explore / inference request together ...
MAX_TEXTS_TOTAL_CHARS = 20_000
#: ... and a profile's passion writing (reflections and activities) together, which is read
#: again at every first match of a new version (a web page is waiting).
MAX_PASSION_TOTAL_CHARS = 6_000
#: Entries in any one list of a profile (jobs, skills, activities, highlights, ...).
MAX_LIST_ITEMS = 200
#: A profile document, as a JSON file or as the JSON of an API request.
MAX_PROFILE_BYTES = 2_000_000
#: A text file of one text per line (explore / interests --input).
MAX_TEXT_FILE_BYTES = 1_000_000
#: A LinkedIn data export zip as downloaded, and the CSV text it may unpack to.
MAX_LINKEDIN_ZIP_BYTES = 20_000_000
MAX_LINKEDIN_UNPACKED_BYTES = 50_000_000
#: A search for an occupation by title (or code), also where a title picks an occupation.
MAX_QUERY_CHARS = 200
#: Occupations compared side by side.
MAX_COMPARE = 3
#: An email address (the longest an address can be).
MAX_EMAIL_CHARS = 320
#: Short labels: a plan obstacle, a name, a keyword.
MAX_LABEL_CHARS = 200
#: Answers in one interest inventory (the full form has 60 items).
MAX_INVENTORY_ANSWERS = 200
#: Obstacles named when making a plan.
MAX_OBSTACLES = 10
#: Evidence logged against a plan (a link or a note).
MAX_EVIDENCE_CHARS = 2000
#: A profile's slug and the note saved with a version.
MAX_SLUG_CHARS = 60
MAX_NOTE_CHARS = 300
#: A contact's photo, stored in the database with the contact (a phone's contact photo is
#: tens of kilobytes; this leaves room for a sharper one without bloating the book).
MAX_CONTACT_PHOTO_BYTES = 512_000
#: Whole request bodies, refused with 413 before a face reads them: a web form (the
#: background page with 200 jobs is well under a megabyte) ...
MAX_FORM_BYTES = 4_000_000
#: ... a JSON body (twice the largest profile document, for the wrapping around it) ...
MAX_JSON_BYTES = 2 * MAX_PROFILE_BYTES
#: A contacts file to import (a .vcf or a LinkedIn Connections.csv): an address book of a
#: few thousand people with their photos, read whole in memory.
MAX_CONTACTS_FILE_BYTES = 50_000_000
#: Cards in one vCard file (rows of one Connections.csv): twice the largest real address
#: books, and an import of that size still finishes in seconds.
MAX_IMPORT_CARDS = 20_000
#: ... and, of whole request bodies, a file upload (the largest file read, plus the form).
MAX_UPLOAD_BYTES = max(MAX_LINKEDIN_ZIP_BYTES, MAX_CONTACTS_FILE_BYTES) + 1_000_000


# --- Community (passionpath.community) -------------------------------------------------
#: A member's display name, city and availability ("evenings, twice a month").
MAX_DISPLAY_NAME_CHARS = 100
MAX_CITY_CHARS = 100
MAX_AVAILABILITY_CHARS = 200
#: Passion phrases a member shows (each a short phrase, like a profile's list items).
MAX_COMMUNITY_PASSIONS = 30
MAX_COMMUNITY_PHRASE_CHARS = 200
#: Occupation codes: target careers, work history; skills their plans work on (gaps).
MAX_COMMUNITY_CODES = 20
MAX_COMMUNITY_GAPS = 30
#: Mentees one mentor takes at once.
MAX_MENTOR_CAPACITY = 50
#: Connection requests one member sends in 24 hours, and the note that goes with one.
MAX_REQUESTS_PER_DAY = 20
MAX_REQUEST_NOTE_CHARS = 500
#: What a report says.
MAX_REPORT_CHARS = 2_000
#: A stated-preferences file for ``mentors assign``: people on both sides, and bytes (a
#: 100,000-mentee programme with 20 choices each is about 30 MB of JSON).
MAX_PREFERENCE_PEOPLE = 500_000
MAX_PREFERENCES_FILE_BYTES = 200_000_000

__all__ = [
    "MAX_AVAILABILITY_CHARS",
    "MAX_CITY_CHARS",
    "MAX_COMMUNITY_CODES",
    "MAX_COMMUNITY_GAPS",
    "MAX_COMMUNITY_PASSIONS",
    "MAX_COMMUNITY_PHRASE_CHARS",
    "MAX_COMPARE",
    "MAX_CONTACTS_FILE_BYTES",
    "MAX_CONTACT_PHOTO_BYTES",
    "MAX_DISPLAY_NAME_CHARS",
    "MAX_EMAIL_CHARS",
    "MAX_EVIDENCE_CHARS",
    "MAX_FORM_BYTES",
    "MAX_IMPORT_CARDS",
    "MAX_INVENTORY_ANSWERS",
    "MAX_JSON_BYTES",
    "MAX_LABEL_CHARS",
    "MAX_LINKEDIN_UNPACKED_BYTES",
    "MAX_LINKEDIN_ZIP_BYTES",
    "MAX_LIST_ITEMS",
    "MAX_MENTOR_CAPACITY",
    "MAX_NOTE_CHARS",
    "MAX_OBSTACLES",
    "MAX_PASSION_TOTAL_CHARS",
    "MAX_PREFERENCES_FILE_BYTES",
    "MAX_PREFERENCE_PEOPLE",
    "MAX_PROFILE_BYTES",
    "MAX_QUERY_CHARS",
    "MAX_REPORT_CHARS",
    "MAX_REQUESTS_PER_DAY",
    "MAX_REQUEST_NOTE_CHARS",
    "MAX_SLUG_CHARS",
    "MAX_TEXTS",
    "MAX_TEXTS_TOTAL_CHARS",
    "MAX_TEXT_CHARS",
    "MAX_TEXT_FILE_BYTES",
    "MAX_UPLOAD_BYTES",
]

# --- Applications: understanding recruiting e-mails (jobsearch classify and mail import) ---
#: One e-mail or piece of feedback to classify: a long reply with its quoted history.
MAX_CLASSIFY_TEXT_CHARS = 20_000
#: Texts in one classify call (lines of one --input file).
MAX_CLASSIFY_TEXTS = 1_000
#: An --input file of texts to classify.
MAX_CLASSIFY_FILE_BYTES = 5_000_000
#: An .eml or .mbox file to import (a year of a job search's mail, attachments included).
MAX_MAIL_FILE_BYTES = 200_000_000
#: Messages read from one mailbox; a larger export is refused rather than half read.
MAX_MAIL_MESSAGES = 20_000
#: Applications one import matches against.
MAX_MAIL_APPLICATIONS = 5_000

__all__ += [
    "MAX_CLASSIFY_FILE_BYTES",
    "MAX_CLASSIFY_TEXTS",
    "MAX_CLASSIFY_TEXT_CHARS",
    "MAX_MAIL_APPLICATIONS",
    "MAX_MAIL_FILE_BYTES",
    "MAX_MAIL_MESSAGES",
]

# --- Job applications (passionpath.jobsearch) ---
#: A job posting's text kept with an application (a long posting is about 15,000 characters).
MAX_POSTING_CHARS = 50_000
#: A web address: a posting's URL.
MAX_URL_CHARS = 2_000
#: An applications CSV to import (Huntr, Teal or a spreadsheet) ...
MAX_APPLICATIONS_FILE_BYTES = 20_000_000
#: ... and its rows.
MAX_IMPORT_APPLICATIONS = 5_000

__all__ += [
    "MAX_APPLICATIONS_FILE_BYTES",
    "MAX_IMPORT_APPLICATIONS",
    "MAX_POSTING_CHARS",
    "MAX_URL_CHARS",
]
# --- CVs (passionpath.cv) -------------------------------------------------------------------
# A posting's text given to cv build --posting or cv match: MAX_POSTING_CHARS above.
#: A CV's summary as the person edits it.
MAX_SUMMARY_CHARS = MAX_TEXT_CHARS
#: A JSON Resume file given to cv render / validate / match.
MAX_CV_FILE_BYTES = MAX_PROFILE_BYTES

__all__ += ["MAX_CV_FILE_BYTES", "MAX_SUMMARY_CHARS"]
# --- Batch runs (passionpath batch) ------------------------------------------------------
#: A population record's id, its lists of passion and aversion phrases, and each phrase.
MAX_BATCH_ID_CHARS = 200
MAX_BATCH_PHRASES = 50
MAX_BATCH_PHRASE_CHARS = 500
#: Careers listed per person by ``batch recommend --top``.
MAX_BATCH_TOP = 200

__all__ += [
    "MAX_BATCH_ID_CHARS",
    "MAX_BATCH_PHRASES",
    "MAX_BATCH_PHRASE_CHARS",
    "MAX_BATCH_TOP",
]

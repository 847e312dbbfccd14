"""Licences and certificates a target occupation asks for, and whether the person holds one.

Two sources. The occupation's own words: O*NET writes "Licensing required." or "Requires
commercial drivers' license." into some descriptions and "Maintain current electrician's
license" into some tasks. And a short table, written by the passionpath team, of occupations
that most US states license by law (O*NET describes US work); the catalog's text is silent on
most of them, teachers included. Rules differ by state and by country, and every step built
from this says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

#: Said wherever a credential step is shown.
RULES_DIFFER = "Rules differ by state and by country: check the ones where you want to work."


@dataclass
class CredentialNeed:
    #: What to hold, e.g. "a teaching licence (state certification)".
    name: str
    #: Why passionpath thinks so: a quote from the catalog or the table's note.
    evidence: str
    #: The first action: where to look and the usual route.
    route: str
    #: Three benchmarks, in the order they fall due.
    checks: list[str] = field(default_factory=list)
    hours: float = 12.0
    #: False where the credential is usual rather than required by law.
    required: bool = True
    held: bool = False
    #: The profile entry that suggests the person already holds it.
    held_as: str | None = None
    note: str = RULES_DIFFER

    @property
    def label(self) -> str:
        """The name without its article and explanations: "Registered nurse licence"."""
        head = self.name
        while re.search(r"\([^()]*\)", head):
            head = re.sub(r"\s*\([^()]*\)", "", head)
        head = re.sub(r"^(a|an|the) ", "", head.split(": ")[0]).strip()
        return head[:1].upper() + head[1:]


@dataclass(frozen=True)
class _Licence:
    name: str
    route: str
    checks: tuple[str, str, str]
    #: Words a profile entry uses when its owner holds the credential (any case).
    held: str
    #: Abbreviations that say the same, matched as written ("RN", not "rn").
    acronyms: tuple[str, ...] = ()
    hours: float = 12.0
    required: bool = True


def _programme(what: str, test: str) -> tuple[str, str, str]:
    """The three checks of a route through a qualifying programme: list, prepare, apply."""
    return (
        f"Listed the {what} you could join, with their entry requirements, costs and deadlines",
        "Worked out which entry requirements you still miss and booked or started the first "
        f"of them ({test})",
        "Sent your first application",
    )


_TEACHING = _Licence(
    "a teaching licence (state certification)",
    "Check what your state or country requires to teach: the degree and subject tests, a "
    "teacher-preparation programme, and the route for career changers (alternative "
    "certification in the US; elsewhere, ask the education ministry about routes for "
    "graduates who already hold a subject degree)",
    (
        "Written down what it takes to teach where you want to work, from the education "
        "department's own website",
        "Chosen your route (a preparation programme or alternative certification) and noted its "
        "application deadline",
        "Applied to the programme, or booked the first required test (in the US often a Praxis "
        "subject test)",
    ),
    r"teach\w*\s+(licen|certif|credential|qualif)|certified teacher|licensed teacher"
    r"|lehramt|staatsexamen",
    ("QTS", "PGCE"),
)
_ADVANCED_NURSE = _Licence(
    "an advanced-practice nurse licence (APRN: a registered nurse licence, a graduate nursing "
    "degree and a national certification)",
    "Compare graduate nursing programmes (MSN or DNP) for your specialty and their entry "
    "requirements: a registered nurse licence and usually clinical experience come first",
    _programme("graduate nursing programmes", "for example an RN licence or ward experience"),
    r"nurse practitioner|nurse an(a)?esthetist|nurse midwife",
    ("APRN", "CRNA", "CNM", "FNP", "NP"),
    hours=15,
)
_PHYSICIAN = _Licence(
    "a medical licence (in the US: medical school, the USMLE exams and a residency)",
    "Check the route into medical school from where you are (the prerequisite science "
    "courses, the MCAT in the US, graduate-entry programmes elsewhere) and talk to an "
    "admissions or pre-medical adviser: it is a long road, so weigh it against related jobs",
    _programme("medical schools", "a prerequisite course or the entrance test"),
    r"physician|medical licen|medical doctor",
    ("MD", "DO", "MBBS", "USMLE"),
    hours=15,
)
_DENTIST = _Licence(
    "a dental licence (in the US: dental school, the national board exam and a clinical exam)",
    "Check the route into dental school (the prerequisite sciences and the DAT in the US) and "
    "how long it takes from where you are",
    _programme("dental schools", "a prerequisite course or the DAT"),
    r"dentist|dental licen",
    ("DDS", "DMD", "BDS"),
    hours=15,
)
_ELECTRICIAN = _Licence(
    "an electrician's licence (in most US states, after an apprenticeship of about four years "
    "and an exam)",
    "Find a registered apprenticeship (in the US a union JATC, or an ABC or IEC programme; "
    "elsewhere the national electrical apprenticeship) and check your state's licence rules: "
    "in most places, wiring work for pay needs a licence or a licensed supervisor",
    (
        "Written down your state's licence rules and the apprenticeship programmes near you, "
        "with their entry requirements (often algebra and an aptitude test)",
        "Asked at least two electrical contractors whether they take on apprentices, and noted "
        "their answers",
        "Applied for an apprenticeship or booked its aptitude test",
    ),
    r"electrician|electrical (licen|certif)|journeyman|journeyworker",
)
_PLUMBER = _Licence(
    "a plumber's licence (in most US states, after an apprenticeship of four to five years "
    "and an exam)",
    "Find a registered plumbing or pipefitting apprenticeship (a union programme or a "
    "contractors' association one in the US) and check your state's licence rules",
    (
        "Written down your state's licence rules and the apprenticeship programmes near you, "
        "with their entry requirements",
        "Asked at least two plumbing contractors whether they take on apprentices, and noted "
        "their answers",
        "Applied for an apprenticeship or booked its entry test",
    ),
    r"plumb\w*\s+(licen|certif)|licensed plumber|master plumber|journeyman plumber|gas safe",
)
_CDL = _Licence(
    "a commercial driver's licence, Class A (CDL-A in the US; C+E in the UK and the EU)",
    "Choose a CDL school or a carrier's paid training programme, pass the medical (the DOT "
    "physical in the US) and study for the written knowledge tests",
    (
        "Chosen a training school or a carrier's paid programme, and checked you meet its "
        "medical and age rules",
        "Passed the knowledge tests and hold a learner's permit (a CLP in the US)",
        "Passed the skills (driving) test",
    ),
    # Class A only: a Class B (bus, straight truck) holder still has the upgrade to make.
    r"class a\b|cdl-a\b|c\s*\+\s*e\b|\bce licen|(hgv|lgv) class 1|class 1 (hgv|lgv)",
    hours=40,
)
_BUS = _Licence(
    "a commercial driver's licence with a passenger endorsement (in the US a CDL with P, and "
    "S for school buses)",
    "Ask transit operators and school districts about their paid driver training, then study "
    "for the CDL knowledge tests and the passenger endorsement",
    (
        "Asked two bus operators about their paid training and chosen one",
        "Passed the knowledge tests and hold a learner's permit",
        "Passed the skills (driving) test with the passenger endorsement",
    ),
    r"passenger endorsement|bus licen|commercial driv",
    ("CDL", "PCV"),
    hours=40,
)
_BEAUTY = _Licence(
    "a cosmetology, barber or nail technician licence (every US state requires one, after an "
    "approved school's hours and an exam)",
    "Find state-approved schools near you for the licence you want (cosmetology, barbering, "
    "nails or skin care): compare their hours, costs and evening options",
    (
        "Listed the approved schools near you with their hours, costs and start dates",
        "Visited or called two of them and asked about evening or part-time places",
        "Enrolled in a course that counts towards the licence",
    ),
    r"cosmetolog\w* licen|licensed (barber|cosmetologist|nail tech)|hairdressing (nvq|diploma)",
)
_REAL_ESTATE = _Licence(
    "a real estate licence (a state pre-licensing course and exam)",
    "Take your state's approved pre-licensing course (often 60 to 90 hours, online or in a "
    "classroom) and find a broker to sponsor your licence",
    (
        "Chosen an approved pre-licensing course and started it",
        "Finished the course and asked two brokers about sponsoring you",
        "Booked the state licensing exam",
    ),
    r"real estate licen|licensed (realtor|real estate agent|broker)",
    ("REALTOR",),
    hours=40,
)
_INSURANCE = _Licence(
    "a state insurance producer licence (pre-licensing study and an exam)",
    "Choose the lines you want to sell (life and health, or property and casualty) and a "
    "pre-licensing course; agencies often pay for it",
    (
        "Chosen the lines of insurance and a pre-licensing course",
        "Finished the pre-licensing course",
        "Booked the state exam",
    ),
    r"insurance (producer )?licen|licensed insurance",
    hours=30,
)
_HVAC = _Licence(
    "EPA Section 608 certification to handle refrigerants (a US federal rule; many states also "
    "license HVAC work)",
    "Book an EPA Section 608 exam (supply houses and trade schools run them) and check "
    "whether your state licenses HVAC work",
    (
        "Chosen the certification type (Core with Type I, II, III or Universal) and a study guide",
        "Booked the exam",
        "Passed the EPA 608 exam",
    ),
    r"\b608\b|hvac|f-?gas|refrigerant handling",
    hours=15,
)
_CNA = _Licence(
    "state certification as a nursing assistant (a short approved course and a competency exam)",
    "Find a state-approved nursing assistant course (a few weeks; care homes sometimes pay for "
    "it) and its next start date",
    (
        "Found an approved course near you and its next start date",
        "Enrolled on the course",
        "Booked the competency exam for the end of the course",
    ),
    r"certified nursing assistant|nursing assistant certif|care certificate",
    ("CNA",),
    hours=20,
)
_COUNSELLOR = _Licence(
    "a counsellor licence (in the US: a master's degree, supervised hours and a state exam)",
    "Compare accredited master's programmes in counselling and check how many supervised hours "
    "your state asks for after the degree",
    _programme("accredited counselling programmes", "a prerequisite course or an entry test"),
    r"licensed (professional |mental health )?counsel|licensed therapist",
    ("LPC", "LMHC", "LMFT", "LCPC", "LADC"),
    hours=15,
)
_SOCIAL_WORK = _Licence(
    "a social work licence where the role requires one (clinical work needs one in every US "
    "state; it follows a social work degree and supervised practice)",
    "Check which social work roles in your state need a licence, and compare accredited "
    "social work degrees (a BSW, or an MSW if you already hold a degree)",
    _programme("accredited social work programmes", "a prerequisite course"),
    r"social work licen|registered social worker|licensed (clinical )?social worker",
    ("LCSW", "LSW", "LMSW"),
    hours=15,
)


def _health(
    name: str,
    programmes: str,
    held: str,
    acronyms: tuple[str, ...] = (),
    *,
    test: str = "a prerequisite course",
    options: str = "",
) -> _Licence:
    """A profession licensed after an accredited programme and an exam."""
    return _Licence(
        name,
        f"Compare accredited {programmes}{options} and their prerequisites; in the US the "
        "licence follows the programme and an exam",
        _programme(programmes, test),
        held,
        acronyms,
        hours=15,
    )


#: SOC code prefix -> the licence; the longest prefix that matches wins.
LICENSED: dict[str, _Licence] = {
    "25-2012": _TEACHING,
    "25-2021": _TEACHING,
    "25-2022": _TEACHING,
    "25-2023": _TEACHING,
    "25-2031": _TEACHING,
    "25-2032": _TEACHING,
    "25-205": _TEACHING,
    "29-1141": _health(
        "a registered nurse licence (in the US, the NCLEX-RN after an approved nursing programme)",
        "nursing programmes",
        r"registered nurse|nclex-rn",
        ("RN", "RGN", "BSN"),
        test="often anatomy and physiology, or an entrance test such as the TEAS",
        options=" (an associate degree, a bachelor's, or an accelerated bachelor's if you "
        "already hold a degree)",
    ),
    "29-1141.02": _ADVANCED_NURSE,
    "29-1151": _ADVANCED_NURSE,
    "29-1161": _ADVANCED_NURSE,
    "29-1171": _ADVANCED_NURSE,
    "29-2061": _health(
        "a practical nurse licence (in the US, the NCLEX-PN after a state-approved programme of "
        "about a year)",
        "practical nursing programmes",
        r"licensed (practical|vocational) nurse|nclex-pn",
        ("LPN", "LVN"),
        test="often an entrance test",
    ),
    "29-121": _PHYSICIAN,
    "29-122": _PHYSICIAN,
    "29-124": _PHYSICIAN,
    "29-102": _DENTIST,
    "29-1051": _health(
        "a pharmacist licence (in the US: a PharmD degree, then the NAPLEX and a law exam)",
        "PharmD programmes",
        r"pharmacist|pharmd|naplex",
        test="a prerequisite science course",
    ),
    "29-1071": _health(
        "physician assistant certification and a state licence (in the US: an accredited "
        "master's programme, then the PANCE)",
        "physician assistant programmes",
        r"physician (assistant|associate)",
        ("PA-C",),
        test="often logged patient-care hours",
    ),
    "29-1011": _health("a chiropractor licence", "chiropractic programmes", r"chiropractor"),
    "29-1031": _health(
        "dietitian registration (RDN) and, in most US states, a licence",
        "dietetics programmes",
        r"registered dietitian|licensed dietitian",
        ("RD", "RDN", "LDN"),
    ),
    "29-1041": _health(
        "an optometrist licence (in the US: an OD degree, then the national board exams)",
        "optometry programmes",
        r"optometrist",
    ),
    "29-1081": _health("a podiatrist licence", "podiatric medicine programmes", r"podiatrist"),
    "29-1122": _health(
        "an occupational therapist licence (in the US: an accredited master's or doctorate, "
        "then the NBCOT exam)",
        "occupational therapy programmes",
        r"occupational therapist",
        ("OTR", "OTR/L"),
    ),
    "29-1123": _health(
        "a physical therapist licence (in the US: a DPT degree, then the national exam)",
        "physical therapy programmes",
        r"physical therapist|physiotherapist",
        ("DPT",),
    ),
    "29-1126": _health(
        "a respiratory therapist licence (in the US: an accredited programme, then the NBRC exam)",
        "respiratory therapy programmes",
        r"respiratory therapist",
        ("RRT",),
    ),
    "29-1127": _health(
        "a speech-language pathologist licence (in the US: a master's, a clinical fellowship "
        "and the national exam)",
        "speech-language pathology programmes",
        r"speech(-language)? (pathologist|therapist)",
        ("CCC-SLP",),
    ),
    "29-1131": _health(
        "a veterinary licence (in the US: a DVM degree, then the NAVLE)",
        "veterinary schools",
        r"veterinarian|veterinary surgeon",
        ("DVM", "MRCVS"),
    ),
    "29-1181": _health(
        "an audiologist licence (in the US: an AuD degree)", "audiology programmes", r"audiologist"
    ),
    "29-1291": _health(
        "an acupuncturist licence (most US states)", "acupuncture programmes", r"acupuncturist"
    ),
    "29-1292": _health(
        "a dental hygienist licence (in the US: an accredited programme, then national and "
        "clinical exams)",
        "dental hygiene programmes",
        r"dental hygienist",
        ("RDH",),
    ),
    "29-2034": _health(
        "registration as a radiologic technologist (ARRT in the US) and, in most states, a licence",
        "radiography programmes",
        r"radiographer|radiologic technologist",
        ("ARRT",),
    ),
    "29-2042": _Licence(
        "EMT certification (in the US, a state-approved course, then the NREMT exam and a "
        "state licence)",
        "Find an EMT course near you (about a semester part-time; fire services sometimes run "
        "them) and its next start date",
        (
            "Found an approved EMT course and its next start date",
            "Enrolled on the course",
            "Passed the course's first skills check",
        ),
        r"emergency medical technician|paramedic",
        ("EMT", "NREMT"),
        hours=20,
    ),
    "29-2043": _health(
        "paramedic certification (in the US: EMT experience, a paramedic programme, then the "
        "NREMT exam and a state licence)",
        "paramedic programmes",
        r"paramedic",
        ("NRP",),
        test="often EMT certification",
    ),
    "29-2056": _health(
        "a veterinary technician credential (most US states: an accredited programme and the VTNE)",
        "veterinary technology programmes",
        r"(registered|licensed|certified) vet(erinary)? (tech\w*|nurse)",
        ("RVT", "LVT", "CVT"),
    ),
    "29-9091": _health(
        "athletic trainer certification (the BOC exam) and, in most US states, a licence",
        "athletic training programmes",
        r"certified athletic trainer",
        ("ATC",),
    ),
    "31-1131": _CNA,
    "31-9011": _health(
        "a massage therapist licence (most US states: an approved programme, often 500 hours "
        "or more, then the MBLEx)",
        "massage therapy programmes",
        r"(licensed|registered) massage therapist",
        ("LMT",),
    ),
    "21-1012": _Licence(
        "school counsellor certification: required in US public schools, where it usually "
        "follows a master's in school counselling",
        "Check what your state asks of school counsellors and compare the master's "
        "programmes that lead to it",
        _programme("school counselling programmes", "a prerequisite course"),
        r"school counsel\w+ (licen|certif)|certified school counsel",
        hours=15,
        required=False,
    ),
    "21-1011": _COUNSELLOR,
    "21-1013": _COUNSELLOR,
    "21-1014": _COUNSELLOR,
    "21-1022": _SOCIAL_WORK,
    "21-1023": _SOCIAL_WORK,
    "19-3033": _health(
        "a psychologist licence (in the US: a doctorate, supervised hours and the EPPP exam)",
        "doctoral programmes in clinical or counselling psychology",
        r"licensed psychologist|chartered psychologist|clinical psychologist",
    ),
    "19-3034": _health(
        "school psychologist certification (in the US: a specialist or doctoral degree and a "
        "state credential)",
        "school psychology programmes",
        r"school psychologist",
        ("NCSP",),
    ),
    "23-1011": _Licence(
        "admission to the bar (in the US: a law degree (JD), then the bar exam)",
        "Check what admission to practise law takes where you want to work (in the US, the "
        "LSAT, a three-year JD and the bar exam; in England and Wales, the SQE)",
        (
            "Written down what admission takes where you want to practise",
            "Chosen a route and noted the entrance test's or the application's next date",
            "Booked the entrance test (the LSAT in the US) or sent the first application",
        ),
        r"called to the bar|admitted to (the )?bar|attorney|barrister|solicitor|passed the bar",
        hours=15,
    ),
    "13-2011": _Licence(
        "a CPA licence: needed to sign audits and expected for many senior roles (in the US: "
        "150 credit hours, the CPA exam and experience)",
        "Check your state's CPA requirements (credit hours, the exam sections, the experience) "
        "and whether your degree already covers the accounting credits",
        (
            "Written down your state's CPA requirements and which of them you already meet",
            "Chosen how to cover the credits you lack, or a first exam section to study for",
            "Booked the first CPA exam section or enrolled in the missing courses",
        ),
        r"chartered accountant|certified public accountant|chartered certified",
        ("CPA", "ACCA", "ACA", "CIMA"),
        hours=15,
        required=False,
    ),
    "17-1011": _health(
        "an architect licence (in the US: an accredited degree, the AXP experience programme and "
        "the ARE exams)",
        "accredited architecture programmes",
        r"licensed architect|registered architect",
        ("RIBA", "AIA"),
    ),
    "17-1012": _health(
        "a landscape architect licence (most US states: an accredited degree, experience and "
        "the LARE)",
        "accredited landscape architecture programmes",
        r"licensed landscape architect|chartered landscape architect",
        ("CMLI",),
    ),
    "17-1022": _health(
        "a land surveyor licence (in the US: a degree or experience, then the FS and PS exams)",
        "surveying programmes",
        r"licensed (land )?surveyor|professional (land )?surveyor|chartered surveyor",
        ("PLS", "RICS"),
    ),
    "17-2051": _Licence(
        "a Professional Engineer (PE) licence: needed to sign off public works and usual for "
        "senior civil engineers (in the US, after the FE exam and four years' experience)",
        "Check your state board's PE rules and book the FE exam, which can be taken near the "
        "end of an engineering degree or soon after",
        (
            "Written down your state's route to the PE licence and where you stand on it",
            "Started studying for the FE exam with a review course or the reference handbook",
            "Booked the FE exam",
        ),
        r"professional engineer|chartered engineer|engineer in training",
        ("PE", "P.E.", "EIT", "CEng"),
        hours=20,
        required=False,
    ),
    "47-2111": _ELECTRICIAN,
    "47-2152": _PLUMBER,
    "49-9021": _HVAC,
    "49-3011": _Licence(
        "an FAA airframe and powerplant (A&P) mechanic certificate (in the US)",
        "Compare FAA-approved aviation maintenance schools (about two years) with the "
        "experience route, and check their entry requirements",
        _programme("aviation maintenance schools", "an entry test or interview"),
        r"airframe and powerplant|aircraft maintenance licen",
        ("A&P",),
        hours=15,
    ),
    "53-3032": _CDL,
    "53-3051": _BUS,
    "53-3052": _BUS,
    "53-7021": _Licence(
        "crane operator certification (NCCCO or similar; US construction work requires it)",
        "Find a crane operator training school or an employer's programme and the certification "
        "exams it prepares you for",
        (
            "Chosen a training programme and checked its medical and age rules",
            "Passed the written certification exam",
            "Passed the practical exam for one crane type",
        ),
        r"crane operator (certif|licen|card)|crane (operator|driver)",
        ("NCCCO", "CPCS", "NPORS"),
        hours=30,
    ),
    "39-4031": _health(
        "a funeral director or embalmer licence (most US states: a mortuary science programme, "
        "an apprenticeship and an exam)",
        "mortuary science programmes",
        r"licensed funeral director|embalmer licen",
    ),
    "39-5011": _BEAUTY,
    "39-5012": _BEAUTY,
    "39-5092": _BEAUTY,
    "39-5094": _BEAUTY,
    "41-9021": _REAL_ESTATE,
    "41-9022": _REAL_ESTATE,
    "41-3021": _INSURANCE,
    "41-3031": _Licence(
        "FINRA registration (the SIE and a qualification exam such as the Series 7, usually "
        "sponsored by the firm that hires you)",
        "Study for the SIE exam, which anyone can take before being hired, and ask firms which "
        "further exams they sponsor",
        (
            "Chosen study material for the SIE exam",
            "Booked the SIE exam",
            "Passed the SIE exam",
        ),
        r"series \d+|finra",
        ("SIE",),
        hours=40,
    ),
    "33-3051": _Licence(
        "police officer certification (a state POST standard, reached through a police academy)",
        "Check the hiring steps of two police departments near you (written test, fitness "
        "test, background check, academy) and their next intake",
        (
            "Written down the hiring steps and dates of two departments",
            "Started training for the fitness test against its published standard",
            "Applied, or registered for the written entrance test",
        ),
        r"police (officer )?certif|sworn officer|police officer",
        hours=20,
    ),
    "33-2011": _Licence(
        "firefighter certification and, usually, EMT certification",
        "Check what fire departments near you ask for (Firefighter I and II, EMT, the CPAT "
        "fitness test) and when they next recruit",
        (
            "Written down what two departments ask for and when they next recruit",
            "Enrolled on an EMT or firefighter course",
            "Booked the fitness test (the CPAT in many US departments)",
        ),
        r"firefighter (i|ii|1|2)\b|firefighter certif",
        ("EMT",),
        hours=20,
    ),
    "33-9032": _Licence(
        "a security guard licence (most US states: a short course and a background check)",
        "Find your state's required security guard course (often a day or two) and the "
        "licence application",
        (
            "Found the required course and its next date",
            "Finished the course",
            "Sent the licence application",
        ),
        r"guard card|security (guard |officer )?licen|sia licen",
        hours=10,
    ),
    "33-9021": _health(
        "a private investigator licence (most US states: experience or training, then an exam)",
        "investigator training courses",
        r"private investigator licen|licensed (private )?investigator",
    ),
    "37-2021": _Licence(
        "a pesticide applicator licence (a state exam)",
        "Get your state's study manuals for the pesticide applicator exam in the categories you "
        "need, and ask pest control firms whether they train new technicians",
        (
            "Found your state's study manuals and the categories you need",
            "Asked two pest control firms about trainee places",
            "Booked the applicator exam",
        ),
        r"pesticide (applicator )?licen|certified applicator",
        hours=20,
    ),
}

#: Sentences of a description that say a credential is needed ("Licensing required.").
_REQUIRED = re.compile(r"\b(requir\w*|must)\b", re.IGNORECASE)
_CREDENTIAL_WORD = re.compile(r"\b(licen[cs]\w*|certif\w*|registration|registered)\b", re.I)
#: Tasks where the worker keeps a credential of their own ("Maintain current ... license").
_OWN_CREDENTIAL_TASK = re.compile(
    r"\b(maintain|earn|hold|renew)\w*\s+(and\s+\w+\s+)?(current\s+|appropriate\s+|valid\s+)?"
    r"([\w']+\s+){0,2}?(licen[cs]e|licensure|certifications?)\b"
    r"|\bpass required tests for certification\b",
    re.IGNORECASE,
)
#: Words that turn a profile entry into a plan rather than a credential held.
_NOT_YET = re.compile(
    r"\b(in training|trainee|apprentice|student|studying|in progress|working towards|"
    r"aspiring|want|would like|hope|plan(ning)? to|dream|become)\b",
    re.IGNORECASE,
)


def _sentences(text: str) -> list[str]:
    # "U.S. Coast Guard" does not end a sentence.
    parts = re.split(r"(?<![A-Z]\.[A-Z]\.)(?<=[.!?])\s+(?=[A-Z])", text)
    return [s.strip() for s in parts if s.strip()]


def _stated(description: str, tasks: Iterable[str]) -> str | None:
    """The catalog's own words that a credential is required, quoted; None when silent."""
    for sentence in _sentences(description):
        if (
            _CREDENTIAL_WORD.search(sentence)
            and _REQUIRED.search(sentence)
            and "should be reported" not in sentence  # a scope note, not a requirement
        ):
            return f'The occupation\'s description says: "{sentence}"'
    for task in tasks:
        if _OWN_CREDENTIAL_TASK.search(task):
            return f'One of its tasks: "{task.strip()}"'
    return None


def _entry(code: str) -> _Licence | None:
    matches = [prefix for prefix in LICENSED if code.startswith(prefix)]
    return LICENSED[max(matches, key=len)] if matches else None


def _held(entry: _Licence, held_texts: Iterable[str]) -> str | None:
    """The first profile entry that names the credential as held (not as a plan)."""
    words = re.compile(entry.held, re.IGNORECASE)
    acronyms = [re.compile(rf"(?<![\w-]){re.escape(a)}(?![\w-])") for a in entry.acronyms]
    for text in held_texts:
        named = words.search(text) or any(a.search(text) for a in acronyms)
        if named and not _NOT_YET.search(text):
            return text
    return None


def credential_need(
    code: str,
    short_title: str,
    description: str,
    tasks: Iterable[str],
    held_texts: Iterable[str],
) -> CredentialNeed | None:
    """The licence or certificate the occupation ``code`` asks for, or None. ``held_texts``
    are the person's certificates, job titles and qualifications."""
    stated = _stated(description, tasks)
    entry = _entry(code)
    if entry is None and stated is None:
        return None
    texts = list(held_texts)
    if entry is not None:
        held_as = _held(entry, texts)
        evidence = stated or (
            "Licensed by law in most US states (passionpath's list of licensed occupations)."
            if entry.required
            else "Usual in this work (passionpath's list of licensed occupations)."
        )
        return CredentialNeed(
            name=entry.name,
            evidence=evidence,
            route=entry.route,
            checks=list(entry.checks),
            hours=entry.hours,
            required=entry.required,
            held=held_as is not None,
            held_as=held_as,
        )
    assert stated is not None
    # Only the catalog's words to go on: what to hold is the reader's first finding.
    return CredentialNeed(
        name=f"the licence or certificate {short_title} need",
        evidence=stated,
        route=(
            f"Find out which licence or certificate {short_title} need where you want to work, "
            "who issues it, and what it takes (training hours, experience, an exam)"
        ),
        checks=[
            "Written down the licence or certificate you need, who issues it and what it takes",
            "Chosen the training or exam route and put its next start or exam date in your "
            "calendar",
            "Enrolled on the training or booked the exam",
        ],
    )

"""Descriptor taxonomy used by the passionpath starter catalog.

Element IDs and element names follow the O*NET content model (they are
taxonomy identifiers).  Every description, level anchor and example in this
module is written by the passionpath team.

The short constant names (READ, PROG, K_FOOD, ...) are only authoring aids:
their values are the O*NET element IDs, so the occupation modules can write
``{PROG: (4.6, 5.4)}`` instead of ``{"2.B.3.e": (4.6, 5.4)}``.
"""

# --------------------------------------------------------------------------
# Skills (35).  Order is the content-model order.
# --------------------------------------------------------------------------
READ = "2.A.1.a"
LISTEN = "2.A.1.b"
WRITE = "2.A.1.c"
SPEAK = "2.A.1.d"
MATH_S = "2.A.1.e"
SCI = "2.A.1.f"
CRIT = "2.A.2.a"
LEARN = "2.A.2.b"
LSTRAT = "2.A.2.c"
MONITOR = "2.A.2.d"
SOCPER = "2.B.1.a"
COORD = "2.B.1.b"
PERSUADE = "2.B.1.c"
NEGOT = "2.B.1.d"
INSTRUCT = "2.B.1.e"
SERVICE = "2.B.1.f"
CPS = "2.B.2.i"
OPSAN = "2.B.3.a"
TECHDES = "2.B.3.b"
EQSEL = "2.B.3.c"
INSTALL = "2.B.3.d"
PROG = "2.B.3.e"
OPSMON = "2.B.3.g"
OPCTRL = "2.B.3.h"
EQMAINT = "2.B.3.j"
TROUBLE = "2.B.3.k"
REPAIR = "2.B.3.l"
QC = "2.B.3.m"
JUDGE = "2.B.4.e"
SYSAN = "2.B.4.g"
SYSEV = "2.B.4.h"
TIME = "2.B.5.a"
MFIN = "2.B.5.b"
MMAT = "2.B.5.c"
MPERS = "2.B.5.d"

SKILLS = [
    (READ, "Reading Comprehension"),
    (LISTEN, "Active Listening"),
    (WRITE, "Writing"),
    (SPEAK, "Speaking"),
    (MATH_S, "Mathematics"),
    (SCI, "Science"),
    (CRIT, "Critical Thinking"),
    (LEARN, "Active Learning"),
    (LSTRAT, "Learning Strategies"),
    (MONITOR, "Monitoring"),
    (SOCPER, "Social Perceptiveness"),
    (COORD, "Coordination"),
    (PERSUADE, "Persuasion"),
    (NEGOT, "Negotiation"),
    (INSTRUCT, "Instructing"),
    (SERVICE, "Service Orientation"),
    (CPS, "Complex Problem Solving"),
    (OPSAN, "Operations Analysis"),
    (TECHDES, "Technology Design"),
    (EQSEL, "Equipment Selection"),
    (INSTALL, "Installation"),
    (PROG, "Programming"),
    (OPSMON, "Operations Monitoring"),
    (OPCTRL, "Operation and Control"),
    (EQMAINT, "Equipment Maintenance"),
    (TROUBLE, "Troubleshooting"),
    (REPAIR, "Repairing"),
    (QC, "Quality Control Analysis"),
    (JUDGE, "Judgment and Decision Making"),
    (SYSAN, "Systems Analysis"),
    (SYSEV, "Systems Evaluation"),
    (TIME, "Time Management"),
    (MFIN, "Management of Financial Resources"),
    (MMAT, "Management of Material Resources"),
    (MPERS, "Management of Personnel Resources"),
]

# --------------------------------------------------------------------------
# Knowledge (33)
# --------------------------------------------------------------------------
K_MGMT = "2.C.1.a"
K_ADMIN = "2.C.1.b"
K_ECON = "2.C.1.c"
K_SALES = "2.C.1.d"
K_CUST = "2.C.1.e"
K_HR = "2.C.1.f"
K_PROD = "2.C.2.a"
K_FOOD = "2.C.2.b"
K_COMP = "2.C.3.a"
K_ENG = "2.C.3.b"
K_DESIGN = "2.C.3.c"
K_BUILD = "2.C.3.d"
K_MECH = "2.C.3.e"
K_MATH = "2.C.4.a"
K_PHYS = "2.C.4.b"
K_CHEM = "2.C.4.c"
K_BIO = "2.C.4.d"
K_PSYCH = "2.C.4.e"
K_SOC = "2.C.4.f"
K_GEO = "2.C.4.g"
K_MED = "2.C.5.a"
K_THERAPY = "2.C.5.b"
K_EDU = "2.C.6"
K_ENGLISH = "2.C.7.a"
K_FLANG = "2.C.7.b"
K_ARTS = "2.C.7.c"
K_HIST = "2.C.7.d"
K_PHIL = "2.C.7.e"
K_SAFETY = "2.C.8.a"
K_LAW = "2.C.8.b"
K_TELECOM = "2.C.9.a"
K_MEDIA = "2.C.9.b"
K_TRANSP = "2.C.10"

KNOWLEDGE = [
    (K_MGMT, "Administration and Management"),
    (K_ADMIN, "Administrative"),
    (K_ECON, "Economics and Accounting"),
    (K_SALES, "Sales and Marketing"),
    (K_CUST, "Customer and Personal Service"),
    (K_HR, "Personnel and Human Resources"),
    (K_PROD, "Production and Processing"),
    (K_FOOD, "Food Production"),
    (K_COMP, "Computers and Electronics"),
    (K_ENG, "Engineering and Technology"),
    (K_DESIGN, "Design"),
    (K_BUILD, "Building and Construction"),
    (K_MECH, "Mechanical"),
    (K_MATH, "Mathematics"),
    (K_PHYS, "Physics"),
    (K_CHEM, "Chemistry"),
    (K_BIO, "Biology"),
    (K_PSYCH, "Psychology"),
    (K_SOC, "Sociology and Anthropology"),
    (K_GEO, "Geography"),
    (K_MED, "Medicine and Dentistry"),
    (K_THERAPY, "Therapy and Counseling"),
    (K_EDU, "Education and Training"),
    (K_ENGLISH, "English Language"),
    (K_FLANG, "Foreign Language"),
    (K_ARTS, "Fine Arts"),
    (K_HIST, "History and Archeology"),
    (K_PHIL, "Philosophy and Theology"),
    (K_SAFETY, "Public Safety and Security"),
    (K_LAW, "Law and Government"),
    (K_TELECOM, "Telecommunications"),
    (K_MEDIA, "Communications and Media"),
    (K_TRANSP, "Transportation"),
]

# --------------------------------------------------------------------------
# Interests, work values, work styles
# --------------------------------------------------------------------------
INTERESTS = [
    ("1.B.1.a", "Realistic"),
    ("1.B.1.b", "Investigative"),
    ("1.B.1.c", "Artistic"),
    ("1.B.1.d", "Social"),
    ("1.B.1.e", "Enterprising"),
    ("1.B.1.f", "Conventional"),
]
INTEREST_HIGH_POINTS = [
    ("1.B.1.g", "First Interest High-Point"),
    ("1.B.1.h", "Second Interest High-Point"),
    ("1.B.1.i", "Third Interest High-Point"),
]
RIASEC_LETTERS = "RIASEC"

WORK_VALUES = [
    ("1.B.2.a", "Achievement"),
    ("1.B.2.b", "Working Conditions"),
    ("1.B.2.c", "Recognition"),
    ("1.B.2.d", "Relationships"),
    ("1.B.2.e", "Support"),
    ("1.B.2.f", "Independence"),
]
WORK_VALUE_HIGH_POINTS = [
    ("1.B.2.g", "First Work Value High-Point"),
    ("1.B.2.h", "Second Work Value High-Point"),
    ("1.B.2.i", "Third Work Value High-Point"),
]

WS_ACHIEVE = "1.C.1.a"
WS_PERSIST = "1.C.1.b"
WS_INITIATIVE = "1.C.1.c"
WS_LEAD = "1.C.2.b"
WS_COOP = "1.C.3.a"
WS_CONCERN = "1.C.3.b"
WS_SOCIAL = "1.C.3.c"
WS_SELFCTRL = "1.C.4.a"
WS_STRESS = "1.C.4.b"
WS_ADAPT = "1.C.4.c"
WS_DEPEND = "1.C.5.a"
WS_DETAIL = "1.C.5.b"
WS_INTEGRITY = "1.C.5.c"
WS_INDEP = "1.C.6"
WS_INNOV = "1.C.7.a"
WS_ANALYT = "1.C.7.b"

WORK_STYLES = [
    (WS_ACHIEVE, "Achievement/Effort"),
    (WS_PERSIST, "Persistence"),
    (WS_INITIATIVE, "Initiative"),
    (WS_LEAD, "Leadership"),
    (WS_COOP, "Cooperation"),
    (WS_CONCERN, "Concern for Others"),
    (WS_SOCIAL, "Social Orientation"),
    (WS_SELFCTRL, "Self-Control"),
    (WS_STRESS, "Stress Tolerance"),
    (WS_ADAPT, "Adaptability/Flexibility"),
    (WS_DEPEND, "Dependability"),
    (WS_DETAIL, "Attention to Detail"),
    (WS_INTEGRITY, "Integrity"),
    (WS_INDEP, "Independence"),
    (WS_INNOV, "Innovation"),
    (WS_ANALYT, "Analytical Thinking"),
]

# Education, training and experience elements: (id, name, scale, categories)
ETE_ELEMENTS = [
    ("2.D.1", "Required Level of Education", "RL", 12),
    ("3.A.1", "Related Work Experience", "RW", 11),
    ("3.A.2", "On-Site or In-Plant Training", "PT", 9),
    ("3.A.3", "On-the-Job Training", "OJ", 9),
]

# --------------------------------------------------------------------------
# Scales
# --------------------------------------------------------------------------
SCALES = [
    ("IM", "Importance", 1, 5),
    ("LV", "Level", 0, 7),
    ("OI", "Occupational Interests", 1, 7),
    ("IH", "Occupational Interest High-Point", 0, 6),
    ("EX", "Extent", 1, 7),
    ("VH", "Work Value High-Point", 1, 6),
    ("RL", "Required Level Of Education (Categories 1-12)", 0, 100),
    ("RW", "Related Work Experience (Categories 1-11)", 0, 100),
    ("PT", "On-Site Or In-Plant Training (Categories 1-9)", 0, 100),
    ("OJ", "On-The-Job Training (Categories 1-9)", 0, 100),
]

# --------------------------------------------------------------------------
# Technology commodity codes (UNSPSC commodity classes) used by the examples.
# --------------------------------------------------------------------------
SPREADSHEET = "43232110"
WORDPROC = "43232104"
OFFICE = "43231513"
PRESENT = "43232106"
EMAIL = "43233501"
DBMS = "43232304"
DBQUERY = "43232306"
BI = "43232314"
GRAPHICS = "43232102"
VIDEO = "43232103"
DTP = "43232112"
WEBPLAT = "43232408"
WEBPAGE = "43232107"
OS = "43233004"
OODEV = "43232405"
DEVENV = "43232402"
TESTING = "43232406"
CONFIG = "43232401"
ERP = "43231602"
ACCOUNTING = "43231601"
TAX = "43231603"
FINANCE = "43231604"
ANALYTIC = "43232605"
PROJECT = "43231507"
CRM = "43232303"
CAD = "43232604"
MEDICAL = "43232610"
POS = "43232611"
DOCMGMT = "43232202"
CALENDAR = "43232108"
INVENTORY = "43231508"
SUPPLY = "43231506"
HRSW = "43231505"
SALESMKT = "43231514"
ELEARNING = "43232502"
HELPDESK = "43231501"
NETMON = "43232801"
NETSEC = "43233203"
VIRUS = "43233205"
CLOUD = "43232806"
MUSIC = "43232005"
GIS = "43232510"
LIBRARY = "43232609"
LEGAL = "43232616"
CAM = "43232612"
INDCTRL = "43232608"
ROUTE = "43232504"
VIDEOCONF = "43233502"
IMSG = "43233504"
COMPLIANCE = "43232606"
DATAMINING = "43232307"

COMMODITIES = {
    SPREADSHEET: "Spreadsheet software",
    WORDPROC: "Word processing software",
    OFFICE: "Office suite software",
    PRESENT: "Presentation software",
    EMAIL: "Electronic mail software",
    DBMS: "Data base management system software",
    DBQUERY: "Data base user interface and query software",
    BI: "Business intelligence and data analysis software",
    GRAPHICS: "Graphics or photo imaging software",
    VIDEO: "Video creation and editing software",
    DTP: "Desktop publishing software",
    WEBPLAT: "Web platform development software",
    WEBPAGE: "Web page creation and editing software",
    OS: "Operating system software",
    OODEV: "Object or component oriented development software",
    DEVENV: "Development environment software",
    TESTING: "Program testing software",
    CONFIG: "Configuration management software",
    ERP: "Enterprise resource planning ERP software",
    ACCOUNTING: "Accounting software",
    TAX: "Tax preparation software",
    FINANCE: "Financial analysis software",
    ANALYTIC: "Analytical or scientific software",
    PROJECT: "Project management software",
    CRM: "Customer relationship management CRM software",
    CAD: "Computer aided design CAD software",
    MEDICAL: "Medical software",
    POS: "Point of sale POS software",
    DOCMGMT: "Document management software",
    CALENDAR: "Calendar and scheduling software",
    INVENTORY: "Inventory management software",
    SUPPLY: "Materials requirements planning logistics and supply chain software",
    HRSW: "Human resources software",
    SALESMKT: "Sales and marketing software",
    ELEARNING: "Computer based training software",
    HELPDESK: "Helpdesk or call center software",
    NETMON: "Network monitoring software",
    NETSEC: "Network security or virtual private network VPN management software",
    VIRUS: "Transaction security and virus protection software",
    CLOUD: "Cloud-based management software",
    MUSIC: "Music or sound editing software",
    GIS: "Geographic information system",
    LIBRARY: "Library software",
    LEGAL: "Legal management software",
    CAM: "Computer aided manufacturing CAM software",
    INDCTRL: "Industrial control software",
    ROUTE: "Route navigation software",
    VIDEOCONF: "Video conferencing software",
    IMSG: "Instant messaging software",
    COMPLIANCE: "Compliance software",
    DATAMINING: "Data mining software",
}

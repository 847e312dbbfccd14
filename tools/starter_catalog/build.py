#!/usr/bin/env python3
"""Build the passionpath starter catalog in the O*NET text-release layout.

Usage (from the repository root):

    python tools/starter_catalog/build.py [--out DIR]

The default output directory is src/passionpath/catalog/starter_release/.
Standard library only; the output is deterministic (same input, same bytes).

What is ours and what is not
----------------------------
Occupation codes and titles follow the O*NET-SOC 2019 taxonomy, and element
IDs and names follow the O*NET content model.  Every description, task,
alternate title, rating, anchor and reference text is written or estimated by
the passionpath team (see the occupation modules and reference_text.py).

The baseline model
------------------
Each occupation record lists only its *emphasised* skills and knowledge areas
with hand-set (IM, LV) pairs.  Every other descriptor is filled from a simple,
documented model of our own:

    IM = base + jz_coef * (job_zone - 1) + sum(coef_k * r_k) + jitter
    r_k = (OI_k - 1) / 6            # interest strength 0..1 for k in RIASEC

with the coefficients in SKILL_BASELINE / KNOWLEDGE_BASELINE below, clamped to
[1.0, 4.0], and a level derived from importance:

    LV(skill)     = 1.35 * (IM - 1) + 0.35 + 0.15 * (job_zone - 3)
    LV(knowledge) = 1.30 * (IM - 1) + 0.30 + 0.15 * (job_zone - 3)

clamped to [0, 7].  "jitter" is a small deterministic offset (a hash of code
and element, at most +/-0.06 on IM and +/-0.10 on LV) so that tied baselines
do not produce identical columns.  Work styles, education/training/experience
distributions, high points and related occupations are derived in the same
spirit; see the functions below.
"""

import argparse
import hashlib
import json
import math
import os
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from descriptors import *  # noqa: E402,F401,F403
import reference_text as T  # noqa: E402
import occupations_food  # noqa: E402
import occupations_trades  # noqa: E402
import occupations_science_tech  # noqa: E402
import occupations_health  # noqa: E402
import occupations_education_social  # noqa: E402
import occupations_arts_media  # noqa: E402
import occupations_business  # noqa: E402
import occupations_finance_office  # noqa: E402
import occupations_law_safety  # noqa: E402

MODULES = [
    occupations_food, occupations_trades, occupations_science_tech, occupations_health,
    occupations_education_social, occupations_arts_media, occupations_business,
    occupations_finance_office, occupations_law_safety,
]

DATE = "11/2026"
SOURCE = "passionpath"
NA = "n/a"
REPO_ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DEFAULT_OUT = os.path.join(REPO_ROOT, "src", "passionpath", "catalog", "starter_release")

RELEASE = {
    "name": "passionpath starter catalog",
    "version": "starter-1",
    "approximate": True,
    "attribution": ("Occupation codes and titles follow the O*NET-SOC 2019 taxonomy "
                    "(O*NET(R) is a trademark of USDOL/ETA). Descriptions, tasks and ratings are the "
                    "passionpath team's own estimates."),
}

# ---------------------------------------------------------------------------
# Baseline model coefficients: element -> (base, job-zone coefficient,
# {RIASEC letter: coefficient on r_k}).  Our own model.
# ---------------------------------------------------------------------------
SKILL_BASELINE = {
    READ: (2.5, 0.35, {}),
    LISTEN: (2.7, 0.25, {"S": 0.5}),
    WRITE: (2.0, 0.35, {"A": 0.2, "I": 0.2}),
    SPEAK: (2.4, 0.25, {"S": 0.4, "E": 0.4}),
    MATH_S: (1.7, 0.20, {"C": 0.5, "I": 0.4}),
    SCI: (1.0, 0.12, {"I": 0.9}),
    CRIT: (2.6, 0.35, {"I": 0.2}),
    LEARN: (2.1, 0.35, {"I": 0.2}),
    LSTRAT: (1.8, 0.20, {"S": 0.5}),
    MONITOR: (2.6, 0.20, {}),
    SOCPER: (1.9, 0.10, {"S": 1.3, "E": 0.4}),
    COORD: (2.1, 0.15, {"E": 0.6, "S": 0.3}),
    PERSUADE: (1.6, 0.12, {"E": 1.2}),
    NEGOT: (1.5, 0.12, {"E": 1.1}),
    INSTRUCT: (1.8, 0.12, {"S": 1.0}),
    SERVICE: (1.9, 0.00, {"S": 1.2, "E": 0.3}),
    CPS: (2.2, 0.30, {"I": 0.4}),
    OPSAN: (1.2, 0.15, {"I": 0.3}),
    TECHDES: (1.0, 0.05, {"I": 0.2, "R": 0.2}),
    EQSEL: (1.1, 0.00, {"R": 1.0}),
    INSTALL: (1.0, 0.00, {"R": 0.5}),
    PROG: (1.0, 0.00, {"I": 0.15}),
    OPSMON: (1.3, 0.00, {"R": 1.0}),
    OPCTRL: (1.2, 0.00, {"R": 1.2}),
    EQMAINT: (1.1, 0.00, {"R": 1.0}),
    TROUBLE: (1.2, 0.00, {"R": 1.0, "I": 0.2}),
    REPAIR: (1.0, 0.00, {"R": 0.9}),
    QC: (1.5, 0.00, {"R": 0.6, "C": 0.5}),
    JUDGE: (2.0, 0.30, {"E": 0.5}),
    SYSAN: (1.5, 0.30, {"I": 0.4}),
    SYSEV: (1.5, 0.30, {"I": 0.3, "E": 0.2}),
    TIME: (2.4, 0.20, {"C": 0.3, "E": 0.2}),
    MFIN: (1.2, 0.10, {"E": 0.7}),
    MMAT: (1.2, 0.05, {"E": 0.4, "R": 0.3}),
    MPERS: (1.3, 0.10, {"E": 0.9}),
}

KNOWLEDGE_BASELINE = {
    K_MGMT: (1.6, 0.10, {"E": 1.0}),
    K_ADMIN: (1.7, 0.00, {"C": 1.0}),
    K_ECON: (1.3, 0.05, {"E": 0.5, "C": 0.5}),
    K_SALES: (1.3, 0.00, {"E": 1.0}),
    K_CUST: (2.0, 0.00, {"S": 0.8, "E": 0.7}),
    K_HR: (1.4, 0.00, {"E": 0.7}),
    K_PROD: (1.3, 0.00, {"R": 0.7}),
    K_FOOD: (1.0, 0.00, {}),
    K_COMP: (1.6, 0.20, {"I": 0.3, "C": 0.3}),
    K_ENG: (1.1, 0.00, {"R": 0.4, "I": 0.4}),
    K_DESIGN: (1.1, 0.00, {"R": 0.3, "A": 0.6}),
    K_BUILD: (1.0, 0.00, {"R": 0.7}),
    K_MECH: (1.1, 0.00, {"R": 1.1}),
    K_MATH: (1.7, 0.20, {"I": 0.4, "C": 0.4}),
    K_PHYS: (1.0, 0.00, {"R": 0.3, "I": 0.5}),
    K_CHEM: (1.0, 0.00, {"I": 0.4, "R": 0.2}),
    K_BIO: (1.0, 0.00, {"I": 0.4}),
    K_PSYCH: (1.4, 0.00, {"S": 1.0}),
    K_SOC: (1.2, 0.00, {"S": 0.7}),
    K_GEO: (1.2, 0.00, {}),
    K_MED: (1.1, 0.00, {"I": 0.2, "S": 0.2}),
    K_THERAPY: (1.1, 0.00, {"S": 0.7}),
    K_EDU: (1.7, 0.10, {"S": 1.0}),
    K_ENGLISH: (2.3, 0.30, {"A": 0.3}),
    K_FLANG: (1.3, 0.00, {}),
    K_ARTS: (1.0, 0.00, {"A": 1.4}),
    K_HIST: (1.2, 0.00, {"A": 0.2}),
    K_PHIL: (1.1, 0.00, {"S": 0.2, "A": 0.2}),
    K_SAFETY: (2.0, 0.00, {"R": 0.5}),
    K_LAW: (1.5, 0.10, {"E": 0.4}),
    K_TELECOM: (1.3, 0.00, {}),
    K_MEDIA: (1.3, 0.00, {"A": 0.8, "E": 0.3}),
    K_TRANSP: (1.2, 0.00, {"R": 0.4}),
}

# Work styles: element -> (base, job-zone coefficient, {letter: coefficient on r_k})
STYLE_MODEL = {
    WS_ACHIEVE: (3.4, 0.12, {"E": 0.3, "I": 0.2}),
    WS_PERSIST: (3.4, 0.10, {"I": 0.3}),
    WS_INITIATIVE: (3.2, 0.10, {"E": 0.6, "A": 0.2}),
    WS_LEAD: (2.6, 0.10, {"E": 1.3, "S": 0.2}),
    WS_COOP: (3.6, 0.00, {"S": 0.6}),
    WS_CONCERN: (2.8, 0.00, {"S": 1.5}),
    WS_SOCIAL: (2.7, 0.00, {"S": 1.0, "E": 0.5}),
    WS_SELFCTRL: (3.4, 0.00, {"S": 0.6, "E": 0.3}),
    WS_STRESS: (3.5, 0.00, {"S": 0.3, "E": 0.3}),
    WS_ADAPT: (3.6, 0.00, {"A": 0.3, "E": 0.2}),
    WS_DEPEND: (4.1, 0.00, {"C": 0.3}),
    WS_DETAIL: (3.6, 0.00, {"C": 0.7, "I": 0.3, "R": 0.2}),
    WS_INTEGRITY: (4.0, 0.00, {"C": 0.3, "S": 0.2}),
    WS_INDEP: (3.1, 0.00, {"A": 0.5, "I": 0.3, "R": 0.2}),
    WS_INNOV: (2.6, 0.10, {"A": 1.0, "I": 0.6}),
    WS_ANALYT: (2.6, 0.12, {"I": 1.1, "C": 0.4}),
}

# ETE model: centre of the distribution by job zone (RW, PT, OJ) and spread.
# RL is centred on the record's typical education category.
ETE_CENTRE = {
    "RW": {1: 1.6, 2: 3.4, 3: 5.3, 4: 6.4, 5: 7.3},
    "PT": {1: 1.6, 2: 2.2, 3: 2.8, 4: 2.8, 5: 3.0},
    "OJ": {1: 1.8, 2: 3.2, 3: 4.6, 4: 5.0, 5: 5.6},
}
ETE_SPREAD = {"RL": (0.75, 2), "RW": (1.0, 3), "PT": (0.9, 3), "OJ": (1.0, 3)}  # (sigma, window)

HIGH_POINT_MIN = 3.0       # second/third interest high point only if OI >= this
RELATED_PER_OCC = 10
INTEREST_WEIGHT = 2.2      # weight of z-scored OI relative to z-scored skill levels


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------
def jitter(*parts, amplitude):
    h = hashlib.sha256("|".join(parts).encode("utf-8")).digest()
    u = int.from_bytes(h[:8], "big") / float(1 << 64)  # [0, 1)
    return (2.0 * u - 1.0) * amplitude


def clamp(x, lo, hi):
    return max(lo, min(hi, x))


def f2(x):
    return "%.2f" % x


def interest_strengths(oi):
    return {letter: (v - 1.0) / 6.0 for letter, v in zip(RIASEC_LETTERS, oi, strict=True)}


def model_value(coefs, r, jz):
    base, jz_coef, icoef = coefs
    return base + jz_coef * (jz - 1) + sum(c * r[k] for k, c in icoef.items())


def largest_remainder(weights, total_hundredths=10000):
    """Scale weights to integers (hundredths of a percent) summing exactly to total."""
    s = sum(weights)
    exact = [w / s * total_hundredths for w in weights]
    floors = [math.floor(e) for e in exact]
    short = total_hundredths - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:short]:
        floors[i] += 1
    return floors


def distribution(centre, n_categories, sigma, window):
    weights = []
    for c in range(1, n_categories + 1):
        d = c - centre
        weights.append(math.exp(-d * d / (2 * sigma * sigma)) if abs(d) <= window else 0.0)
    return [h / 100.0 for h in largest_remainder(weights)]


# ---------------------------------------------------------------------------
# load + validate
# ---------------------------------------------------------------------------
def load_occupations():
    occs = []
    for m in MODULES:
        occs.extend(m.OCCUPATIONS)
    occs.sort(key=lambda o: o["code"])
    validate(occs)
    return occs


def validate(occs):
    skill_ids = {e for e, _ in SKILLS}
    know_ids = {e for e, _ in KNOWLEDGE}
    style_ids = {e for e, _ in WORK_STYLES}
    assert set(SKILL_BASELINE) == skill_ids and len(skill_ids) == 35
    assert set(KNOWLEDGE_BASELINE) == know_ids and len(know_ids) == 33
    assert set(STYLE_MODEL) == style_ids and len(style_ids) == 16
    seen = set()
    errors = []
    for o in occs:
        c = o["code"]
        if c in seen:
            errors.append("duplicate code %s" % c)
        seen.add(c)
        if o["job_zone"] not in (1, 2, 3, 4, 5):
            errors.append("%s: job zone" % c)
        if not 1 <= o["education"] <= 12:
            errors.append("%s: education category" % c)
        if len(o["oi"]) != 6 or not all(1.0 <= v <= 7.0 for v in o["oi"]):
            errors.append("%s: OI" % c)
        top = sorted(o["oi"], reverse=True)
        if top[0] == top[1]:
            errors.append("%s: tie for first interest high point" % c)
        if len(o["ex"]) != 6 or not all(1.0 <= v <= 7.0 for v in o["ex"]):
            errors.append("%s: EX" % c)
        if not 4 <= len(o["core"]) + len(o["supp"]) <= 6:
            errors.append("%s: %d tasks" % (c, len(o["core"]) + len(o["supp"])))
        if not 3 <= len(o["alts"]) <= 6:
            errors.append("%s: %d alternate titles" % (c, len(o["alts"])))
        if not 2 <= len(o["tech"]) <= 6:
            errors.append("%s: %d technology examples" % (c, len(o["tech"])))
        for name, code, flag in o["tech"]:
            if code not in COMMODITIES or flag not in ("", "H"):
                errors.append("%s: technology %s" % (c, name))
        for eid, (im, lv) in o["skills"].items():
            if eid not in skill_ids or not (1 <= im <= 5 and 0 <= lv <= 7):
                errors.append("%s: skill %s" % (c, eid))
        for eid, (im, lv) in o["knowledge"].items():
            if eid not in know_ids or not (1 <= im <= 5 and 0 <= lv <= 7):
                errors.append("%s: knowledge %s" % (c, eid))
        for eid, v in o["styles"].items():
            if eid not in style_ids or not 1 <= v <= 5:
                errors.append("%s: style %s" % (c, eid))
        titles = [a for a, _ in o["alts"]]
        if len(set(titles)) != len(titles) or o["title"] in titles:
            errors.append("%s: alternate titles repeat" % c)
        texts = [o["title"], o["description"]] + o["core"] + o["supp"] + titles
        texts += [s for _, s in o["alts"] if s] + [t[0] for t in o["tech"]]
        for t in texts:
            if not t or "\t" in t or "\n" in t or "\r" in t:
                errors.append("%s: bad text %r" % (c, t))
    if errors:
        raise SystemExit("invalid records:\n  " + "\n  ".join(errors))


# ---------------------------------------------------------------------------
# derived ratings
# ---------------------------------------------------------------------------
def rated_descriptors(o, elements, baseline, emphasised, lv_slope, lv_offset):
    """Return [(element_id, name, IM, LV)] for every element."""
    r = interest_strengths(o["oi"])
    jz = o["job_zone"]
    out = []
    for eid, name in elements:
        if eid in emphasised:
            im, lv = emphasised[eid]
        else:
            im = clamp(model_value(baseline[eid], r, jz) + jitter(o["code"], eid, "IM", amplitude=0.06), 1.0, 4.0)
            lv = lv_slope * (im - 1.0) + lv_offset + 0.15 * (jz - 3) + jitter(o["code"], eid, "LV", amplitude=0.10)
            lv = clamp(lv, 0.0, 7.0)
        out.append((eid, name, round(im, 2), round(lv, 2)))
    return out


def skills_for(o):
    return rated_descriptors(o, SKILLS, SKILL_BASELINE, o["skills"], 1.35, 0.35)


def knowledge_for(o):
    return rated_descriptors(o, KNOWLEDGE, KNOWLEDGE_BASELINE, o["knowledge"], 1.3, 0.3)


def styles_for(o):
    r = interest_strengths(o["oi"])
    out = []
    for eid, name in WORK_STYLES:
        if eid in o["styles"]:
            v = o["styles"][eid]
        else:
            v = clamp(model_value(STYLE_MODEL[eid], r, o["job_zone"]) + jitter(o["code"], eid, "WS", amplitude=0.05),
                      1.0, 5.0)
        out.append((eid, name, round(v, 2)))
    return out


def interest_high_points(oi):
    """First high point always; second and third only when OI >= HIGH_POINT_MIN."""
    order = sorted(range(6), key=lambda i: (-oi[i], i))
    hp = [order[0] + 1]
    for i in order[1:3]:
        hp.append(i + 1 if oi[i] >= HIGH_POINT_MIN else 0)
    if hp[1] == 0:
        hp[2] = 0
    return hp


def value_high_points(ex):
    order = sorted(range(6), key=lambda i: (-ex[i], i))
    return [i + 1 for i in order[:3]]


def ete_for(o):
    rows = []
    for eid, name, scale, n in ETE_ELEMENTS:
        sigma, window = ETE_SPREAD[scale]
        centre = o["education"] if scale == "RL" else ETE_CENTRE[scale][o["job_zone"]]
        for cat, pct in enumerate(distribution(centre, n, sigma, window), start=1):
            rows.append((eid, name, scale, cat, pct))
    return rows


def related_occupations(occs, skills_by_code):
    """Cosine similarity over z-scored skill levels plus weighted z-scored interests."""
    codes = [o["code"] for o in occs]
    raw = []
    for o in occs:
        lv = [row[3] for row in skills_by_code[o["code"]]]
        raw.append(lv + list(o["oi"]))
    n_feat = len(raw[0])
    means = [sum(v[j] for v in raw) / len(raw) for j in range(n_feat)]
    sds = [math.sqrt(sum((v[j] - means[j]) ** 2 for v in raw) / len(raw)) or 1.0 for j in range(n_feat)]
    weights = [1.0] * len(SKILLS) + [INTEREST_WEIGHT] * 6
    vecs = [[(v[j] - means[j]) / sds[j] * weights[j] for j in range(n_feat)] for v in raw]
    norms = [math.sqrt(sum(x * x for x in v)) or 1.0 for v in vecs]
    result = {}
    for i, ci in enumerate(codes):
        sims = []
        for j, cj in enumerate(codes):
            if i == j:
                continue
            s = sum(a * b for a, b in zip(vecs[i], vecs[j], strict=True)) / (norms[i] * norms[j])
            sims.append((-round(s, 12), cj))
        sims.sort()
        result[ci] = [cj for _, cj in sims[:RELATED_PER_OCC]]
    return result


def tier(index):
    if index <= 3:
        return "Primary-Short"
    if index <= 7:
        return "Primary-Long"
    return "Supplemental"


# ---------------------------------------------------------------------------
# writing
# ---------------------------------------------------------------------------
def cell(v):
    if v is None:
        return NA
    s = str(v)
    if "\t" in s or "\n" in s or "\r" in s:
        raise ValueError("tab or newline inside value: %r" % s)
    return s


def write_table(out_dir, name, header, rows):
    path = os.path.join(out_dir, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            if len(row) != len(header):
                raise ValueError("%s: row has %d columns, expected %d" % (name, len(row), len(header)))
            f.write("\t".join(cell(v) for v in row) + "\n")
    return len(rows)


def build(out_dir):
    occs = load_occupations()
    os.makedirs(out_dir, exist_ok=True)
    counts = {}

    def w(name, header, rows):
        counts[name] = write_table(out_dir, name, header, rows)

    skills_by_code = {o["code"]: skills_for(o) for o in occs}
    know_by_code = {o["code"]: knowledge_for(o) for o in occs}

    w("Occupation Data.txt", ["O*NET-SOC Code", "Title", "Description"],
      [(o["code"], o["title"], o["description"]) for o in occs])

    rows = []
    for o in occs:
        for (eid, name), v in zip(INTERESTS, o["oi"], strict=True):
            rows.append((o["code"], eid, name, "OI", f2(v), DATE, SOURCE))
        for (eid, name), hp in zip(INTEREST_HIGH_POINTS, interest_high_points(o["oi"]), strict=True):
            rows.append((o["code"], eid, name, "IH", f2(hp), DATE, SOURCE))
    w("Interests.txt", ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "Date",
                        "Domain Source"], rows)

    w("Job Zones.txt", ["O*NET-SOC Code", "Job Zone", "Date", "Domain Source"],
      [(o["code"], o["job_zone"], DATE, SOURCE) for o in occs])

    w("Job Zone Reference.txt", ["Job Zone", "Name", "Experience", "Education", "Job Training", "Examples",
                                 "SVP Range"], T.JOB_ZONES)

    ks_header = ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "N", "Standard Error",
                 "Lower CI Bound", "Upper CI Bound", "Recommend Suppress", "Not Relevant", "Date", "Domain Source"]
    for fname, table in (("Skills.txt", skills_by_code), ("Knowledge.txt", know_by_code)):
        rows = []
        for o in occs:
            for eid, name, im, lv in table[o["code"]]:
                rows.append((o["code"], eid, name, "IM", f2(im), NA, NA, NA, NA, "N", NA, DATE, SOURCE))
                rows.append((o["code"], eid, name, "LV", f2(lv), NA, NA, NA, NA, "N", "Y" if im < 1.5 else "N",
                             DATE, SOURCE))
        w(fname, ks_header, rows)

    rows = []
    for o in occs:
        for (eid, name), v in zip(WORK_VALUES, o["ex"], strict=True):
            rows.append((o["code"], eid, name, "EX", f2(v), DATE, SOURCE))
        for (eid, name), hp in zip(WORK_VALUE_HIGH_POINTS, value_high_points(o["ex"]), strict=True):
            rows.append((o["code"], eid, name, "VH", f2(hp), DATE, SOURCE))
    w("Work Values.txt", ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "Date",
                          "Domain Source"], rows)

    rows = []
    for o in occs:
        for eid, name, v in styles_for(o):
            rows.append((o["code"], eid, name, "IM", f2(v), NA, NA, NA, NA, "N", DATE, SOURCE))
    w("Work Styles.txt", ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "N",
                          "Standard Error", "Lower CI Bound", "Upper CI Bound", "Recommend Suppress", "Date",
                          "Domain Source"], rows)

    rows = []
    for o in occs:
        for eid, name, scale, cat, pct in ete_for(o):
            rows.append((o["code"], eid, name, scale, cat, f2(pct), NA, NA, NA, NA, "N", DATE, SOURCE))
    w("Education, Training, and Experience.txt",
      ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Category", "Data Value", "N", "Standard Error",
       "Lower CI Bound", "Upper CI Bound", "Recommend Suppress", "Date", "Domain Source"], rows)

    rows = []
    for eid, name, scale, n in ETE_ELEMENTS:
        for cat in range(1, n + 1):
            rows.append((eid, name, scale, cat, T.ETE_CATEGORIES[scale][cat]))
    w("Education, Training, and Experience Categories.txt",
      ["Element ID", "Element Name", "Scale ID", "Category", "Category Description"], rows)

    rows = []
    for o in occs:
        first_hot = True
        for name, code, flag in o["tech"]:
            hot = flag == "H"
            in_demand = hot and first_hot
            if hot:
                first_hot = False
            rows.append((o["code"], name, code, COMMODITIES[code], "Y" if hot else "N", "Y" if in_demand else "N"))
    w("Technology Skills.txt", ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology",
                                "In Demand"], rows)

    rows = []
    task_id = 900001
    for o in occs:
        for kind, tasks in (("Core", o["core"]), ("Supplemental", o["supp"])):
            for t in tasks:
                rows.append((o["code"], task_id, t, kind, NA, DATE, SOURCE))
                task_id += 1
    w("Task Statements.txt", ["O*NET-SOC Code", "Task ID", "Task", "Task Type", "Incumbents Responding", "Date",
                              "Domain Source"], rows)

    rows = []
    for o in occs:
        for title, short in o["alts"]:
            rows.append((o["code"], title, short, SOURCE))
    w("Alternate Titles.txt", ["O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)"], rows)

    related = related_occupations(occs, skills_by_code)
    rows = []
    for o in occs:
        for idx, rc in enumerate(related[o["code"]], start=1):
            rows.append((o["code"], rc, tier(idx), idx))
    w("Related Occupations.txt", ["O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"], rows)

    names = {}
    for table in (SKILLS, KNOWLEDGE, INTERESTS, INTEREST_HIGH_POINTS, WORK_VALUES, WORK_VALUE_HIGH_POINTS,
                  WORK_STYLES, [(e, n) for e, n, _, _ in ETE_ELEMENTS]):
        names.update(dict(table))
    for eid, name, _ in T.CONTENT_MODEL:
        if eid in names and names[eid] != name:
            raise SystemExit("content model name mismatch for %s" % eid)
    missing = set(names) - {e for e, _, _ in T.CONTENT_MODEL}
    if missing:
        raise SystemExit("content model lacks %s" % sorted(missing))
    w("Content Model Reference.txt", ["Element ID", "Element Name", "Description"], T.CONTENT_MODEL)

    w("Scales Reference.txt", ["Scale ID", "Scale Name", "Minimum", "Maximum"], SCALES)

    rows = []
    for eid, name in SKILLS + KNOWLEDGE:
        anchors = T.LEVEL_ANCHORS[eid]
        for value in sorted(anchors):
            rows.append((eid, name, "LV", value, anchors[value]))
    w("Level Scale Anchors.txt", ["Element ID", "Element Name", "Scale ID", "Anchor Value", "Anchor Description"],
      rows)

    rows = []
    for eid, name in INTERESTS:
        for act in T.ILLUSTRATIVE_ACTIVITIES[eid]:
            rows.append((eid, name, "General", act))
    w("Interests Illustrative Activities.txt", ["Element ID", "Element Name", "Interest Type", "Activity"], rows)

    rows = []
    for eid, name in INTERESTS:
        actions, objects = T.RIASEC_KEYWORDS[eid]
        rows += [(eid, name, k, "Action") for k in actions]
        rows += [(eid, name, k, "Object") for k in objects]
    w("RIASEC Keywords.txt", ["Element ID", "Element Name", "Keyword", "Keyword Type"], rows)

    with open(os.path.join(out_dir, "RELEASE.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(RELEASE, f, indent=2, ensure_ascii=False)
        f.write("\n")

    return occs, counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT, help="output directory (default: %(default)s)")
    args = ap.parse_args(argv)
    occs, counts = build(args.out)
    print("wrote %d occupations to %s" % (len(occs), args.out))
    for name in sorted(counts):
        print("  %-52s %6d rows" % (name, counts[name]))


if __name__ == "__main__":
    main()

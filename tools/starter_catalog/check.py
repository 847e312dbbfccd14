#!/usr/bin/env python3
"""Sanity-check the built starter catalog.

Usage (from the repository root):

    python tools/starter_catalog/check.py [--release DIR] [--reference "PATH/Occupation Data.txt"]

Checks headers, line endings, column counts, value formats and ranges, per-occupation
completeness, coverage (RIASEC first high points and job zones) and, when a reference
O*NET "Occupation Data.txt" is available, that every code/title pair exists in it (only
the code and title columns of the reference are read).
"""

import argparse
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DEFAULT_RELEASE = os.path.join(REPO_ROOT, "src", "passionpath", "catalog", "starter_release")
DEFAULT_REFERENCE = os.path.join(REPO_ROOT, "..", "shared", "data", "onet", "db_30_0_text", "Occupation Data.txt")

KS = ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "N", "Standard Error",
      "Lower CI Bound", "Upper CI Bound", "Recommend Suppress", "Not Relevant", "Date", "Domain Source"]
HEADERS = {
    "Occupation Data.txt": ["O*NET-SOC Code", "Title", "Description"],
    "Interests.txt": ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "Date", "Domain Source"],
    "Job Zones.txt": ["O*NET-SOC Code", "Job Zone", "Date", "Domain Source"],
    "Job Zone Reference.txt": ["Job Zone", "Name", "Experience", "Education", "Job Training", "Examples", "SVP Range"],
    "Skills.txt": KS,
    "Knowledge.txt": KS,
    "Work Values.txt": ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "Date",
                        "Domain Source"],
    "Work Styles.txt": ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "N",
                        "Standard Error", "Lower CI Bound", "Upper CI Bound", "Recommend Suppress", "Date",
                        "Domain Source"],
    "Education, Training, and Experience.txt": ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID",
                                                "Category", "Data Value", "N", "Standard Error", "Lower CI Bound",
                                                "Upper CI Bound", "Recommend Suppress", "Date", "Domain Source"],
    "Education, Training, and Experience Categories.txt": ["Element ID", "Element Name", "Scale ID", "Category",
                                                           "Category Description"],
    "Technology Skills.txt": ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology",
                              "In Demand"],
    "Task Statements.txt": ["O*NET-SOC Code", "Task ID", "Task", "Task Type", "Incumbents Responding", "Date",
                            "Domain Source"],
    "Alternate Titles.txt": ["O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)"],
    "Related Occupations.txt": ["O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"],
    "Content Model Reference.txt": ["Element ID", "Element Name", "Description"],
    "Scales Reference.txt": ["Scale ID", "Scale Name", "Minimum", "Maximum"],
    "Level Scale Anchors.txt": ["Element ID", "Element Name", "Scale ID", "Anchor Value", "Anchor Description"],
    "Interests Illustrative Activities.txt": ["Element ID", "Element Name", "Interest Type", "Activity"],
    "RIASEC Keywords.txt": ["Element ID", "Element Name", "Keyword", "Keyword Type"],
}
# per-occupation row counts: exact number or (min, max)
PER_OCC = {
    "Occupation Data.txt": 1, "Job Zones.txt": 1, "Interests.txt": 9, "Skills.txt": 70, "Knowledge.txt": 66,
    "Work Values.txt": 9, "Work Styles.txt": 16, "Education, Training, and Experience.txt": 41,
    "Related Occupations.txt": 10, "Task Statements.txt": (4, 6), "Alternate Titles.txt": (3, 6),
    "Technology Skills.txt": (2, 6),
}
TWO_DEC = re.compile(r"^-?\d+\.\d\d$")
from build import RELEASE  # noqa: E402  (one definition, shared with the builder)


class Checker:
    def __init__(self):
        self.errors = []

    def err(self, msg):
        if len(self.errors) < 200:
            self.errors.append(msg)

    def expect(self, cond, msg):
        if not cond:
            self.err(msg)


def read_table(path, header, ck):
    with open(path, "rb") as f:
        data = f.read()
    name = os.path.basename(path)
    ck.expect(b"\r" not in data, "%s: contains CR characters" % name)
    ck.expect(data.endswith(b"\n"), "%s: no final newline" % name)
    ck.expect(not data.startswith(b"\xef\xbb\xbf"), "%s: has a BOM" % name)
    text = data.decode("utf-8")
    lines = text.split("\n")[:-1]
    ck.expect(lines[0].split("\t") == header, "%s: header mismatch: %r" % (name, lines[0]))
    rows = []
    for i, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            ck.err("%s:%d: %d columns" % (name, i, len(cells)))
            continue
        for c in cells:
            ck.expect(c != "" and c == c.strip(), "%s:%d: empty or padded value %r" % (name, i, c))
            ck.expect('"' not in c, "%s:%d: double quote in value" % (name, i))
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def num(ck, row, col, lo, hi, where, fmt=TWO_DEC):
    v = row[col]
    if fmt is not None and not fmt.match(v):
        ck.err("%s: %s %r badly formatted" % (where, col, v))
        return None
    x = float(v)
    ck.expect(lo <= x <= hi, "%s: %s %s out of range [%s, %s]" % (where, col, v, lo, hi))
    return x


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--release", default=DEFAULT_RELEASE)
    ap.add_argument("--reference", default=DEFAULT_REFERENCE)
    args = ap.parse_args(argv)
    ck = Checker()
    T = {}
    for name, header in HEADERS.items():
        path = os.path.join(args.release, name)
        if not os.path.exists(path):
            ck.err("missing file %s" % name)
            continue
        T[name] = read_table(path, header, ck)
    extra = set(os.listdir(args.release)) - set(HEADERS) - {"RELEASE.json"}
    ck.expect(not extra, "unexpected files: %s" % sorted(extra))
    with open(os.path.join(args.release, "RELEASE.json"), encoding="utf-8") as f:
        ck.expect(json.load(f) == RELEASE, "RELEASE.json content differs")

    occ = {r["O*NET-SOC Code"]: r["Title"] for r in T["Occupation Data.txt"]}
    codes = set(occ)
    ck.expect(len(codes) == len(T["Occupation Data.txt"]), "duplicate codes in Occupation Data")
    for c in codes:
        ck.expect(re.match(r"^\d\d-\d\d\d\d\.\d\d$", c), "bad code %s" % c)

    # per-occupation completeness
    for name, expected in PER_OCC.items():
        per = collections.Counter(r["O*NET-SOC Code"] for r in T[name])
        ck.expect(set(per) == codes, "%s: occupations differ from Occupation Data (%d vs %d)" % (name, len(per),
                                                                                           len(codes)))
        for c, n in per.items():
            if isinstance(expected, tuple):
                ck.expect(expected[0] <= n <= expected[1], "%s: %s has %d rows" % (name, c, n))
            else:
                ck.expect(n == expected, "%s: %s has %d rows, expected %d" % (name, c, n, expected))

    for r in T["Occupation Data.txt"]:
        ck.expect(len(r["Description"]) >= 40, "short description for %s" % r["O*NET-SOC Code"])

    # interests + high points
    first_hp = collections.Counter()
    oi = collections.defaultdict(dict)
    ih = collections.defaultdict(dict)
    for r in T["Interests.txt"]:
        w = "Interests %s %s" % (r["O*NET-SOC Code"], r["Element ID"])
        ck.expect(r["Date"] == "11/2026" and r["Domain Source"] == "passionpath", w + ": date/source")
        if r["Scale ID"] == "OI":
            oi[r["O*NET-SOC Code"]][r["Element ID"]] = num(ck, r, "Data Value", 1, 7, w)
        elif r["Scale ID"] == "IH":
            ih[r["O*NET-SOC Code"]][r["Element ID"]] = num(ck, r, "Data Value", 0, 6, w)
        else:
            ck.err(w + ": scale " + r["Scale ID"])
    letters = "RIASEC"
    for c in codes:
        vals = [oi[c].get("1.B.1." + x) for x in "abcdef"]
        hp = [ih[c].get("1.B.1." + x) for x in "ghi"]
        if None in vals or None in hp:
            ck.err("interest rows incomplete for %s" % c)
            continue
        ck.expect(hp[0] >= 1 and vals[int(hp[0]) - 1] == max(vals), "%s: first high point is not the top OI" % c)
        for h in hp[1:]:
            ck.expect(h == 0 or vals[int(h) - 1] >= 3.0, "%s: weak high point" % c)
        nz = [int(h) for h in hp if h]
        ck.expect(len(set(nz)) == len(nz), "%s: repeated high point" % c)
        first_hp[letters[int(hp[0]) - 1]] += 1

    zones = collections.Counter()
    for r in T["Job Zones.txt"]:
        ck.expect(r["Job Zone"] in "12345" and len(r["Job Zone"]) == 1, "bad job zone %r" % r["Job Zone"])
        zones[r["Job Zone"]] += 1

    # skills / knowledge
    for name, n_el in (("Skills.txt", 35), ("Knowledge.txt", 33)):
        im = {}
        els = set()
        for r in T[name]:
            key = (r["O*NET-SOC Code"], r["Element ID"])
            els.add(r["Element ID"])
            w = "%s %s %s %s" % (name, key[0], key[1], r["Scale ID"])
            ck.expect(all(r[k] == "n/a" for k in ("N", "Standard Error", "Lower CI Bound", "Upper CI Bound")), w)
            ck.expect(r["Recommend Suppress"] == "N", w + ": suppress")
            if r["Scale ID"] == "IM":
                im[key] = num(ck, r, "Data Value", 1, 5, w)
                ck.expect(r["Not Relevant"] == "n/a", w + ": Not Relevant on IM")
            elif r["Scale ID"] == "LV":
                num(ck, r, "Data Value", 0, 7, w)
                want = "Y" if im.get(key, 5) < 1.5 else "N"
                ck.expect(key in im, w + ": LV before IM")
                ck.expect(r["Not Relevant"] == want, w + ": Not Relevant should be " + want)
            else:
                ck.err(w + ": scale")
        ck.expect(len(els) == n_el, "%s: %d elements" % (name, len(els)))

    for r in T["Work Values.txt"]:
        w = "Work Values %s %s" % (r["O*NET-SOC Code"], r["Element ID"])
        if r["Scale ID"] == "EX":
            num(ck, r, "Data Value", 1, 7, w)
        elif r["Scale ID"] == "VH":
            num(ck, r, "Data Value", 1, 6, w)
        else:
            ck.err(w + ": scale")
    for r in T["Work Styles.txt"]:
        w = "Work Styles %s %s" % (r["O*NET-SOC Code"], r["Element ID"])
        ck.expect(r["Scale ID"] == "IM", w + ": scale")
        num(ck, r, "Data Value", 1, 5, w)
    ck.expect(len({r["Element ID"] for r in T["Work Styles.txt"]}) == 16, "work styles: not 16 elements")

    sums = collections.defaultdict(float)
    ncat = {"RL": 12, "RW": 11, "PT": 9, "OJ": 9}
    for r in T["Education, Training, and Experience.txt"]:
        w = "ETE %s %s %s" % (r["O*NET-SOC Code"], r["Scale ID"], r["Category"])
        ck.expect(r["Scale ID"] in ncat and 1 <= int(r["Category"]) <= ncat[r["Scale ID"]], w + ": category")
        v = num(ck, r, "Data Value", 0, 100, w)
        sums[(r["O*NET-SOC Code"], r["Scale ID"])] += v or 0
    for key, s in sums.items():
        ck.expect(abs(s - 100.0) < 0.005, "ETE %s sums to %.2f" % (key, s))
    cats = collections.Counter(r["Scale ID"] for r in T["Education, Training, and Experience Categories.txt"])
    ck.expect(cats == collections.Counter(ncat), "ETE categories: %s" % dict(cats))

    for r in T["Technology Skills.txt"]:
        ck.expect(re.match(r"^\d{8}$", r["Commodity Code"]), "commodity code %r" % r["Commodity Code"])
        ck.expect(r["Hot Technology"] in "YN" and r["In Demand"] in "YN", "tech flags %r" % r)
    ids = [int(r["Task ID"]) for r in T["Task Statements.txt"]]
    ck.expect(ids == list(range(900001, 900001 + len(ids))), "task ids not consecutive from 900001")
    ck.expect({r["Task Type"] for r in T["Task Statements.txt"]} <= {"Core", "Supplemental"}, "task types")
    for r in T["Alternate Titles.txt"]:
        ck.expect(r["Source(s)"] == "passionpath", "alt title source")

    rel = collections.defaultdict(list)
    for r in T["Related Occupations.txt"]:
        rel[r["O*NET-SOC Code"]].append(r)
    for c, rows in rel.items():
        idx = [int(r["Index"]) for r in rows]
        ck.expect(idx == list(range(1, 11)), "%s: related indices %s" % (c, idx))
        targets = [r["Related O*NET-SOC Code"] for r in rows]
        ck.expect(len(set(targets)) == 10 and c not in targets and set(targets) <= codes, "%s: related codes" % c)
        for r in rows:
            i = int(r["Index"])
            want = "Primary-Short" if i <= 3 else "Primary-Long" if i <= 7 else "Supplemental"
            ck.expect(r["Relatedness Tier"] == want, "%s: tier for index %d" % (c, i))

    cm = {r["Element ID"]: r["Element Name"] for r in T["Content Model Reference.txt"]}
    used = {}
    for name in ("Interests.txt", "Skills.txt", "Knowledge.txt", "Work Values.txt", "Work Styles.txt",
                 "Education, Training, and Experience.txt", "Level Scale Anchors.txt",
                 "Interests Illustrative Activities.txt", "RIASEC Keywords.txt",
                 "Education, Training, and Experience Categories.txt"):
        for r in T[name]:
            used[r["Element ID"]] = r["Element Name"]
    for eid, en in used.items():
        ck.expect(cm.get(eid) == en, "content model: %s %r" % (eid, en))
    scales = {r["Scale ID"] for r in T["Scales Reference.txt"]}
    ck.expect(scales == {"IM", "LV", "OI", "IH", "EX", "VH", "RL", "RW", "PT", "OJ"}, "scales %s" % scales)

    anchors = collections.Counter(r["Element ID"] for r in T["Level Scale Anchors.txt"])
    skill_know = {r["Element ID"] for r in T["Skills.txt"]} | {r["Element ID"] for r in T["Knowledge.txt"]}
    ck.expect(set(anchors) == skill_know and set(anchors.values()) == {3}, "level anchors incomplete")
    texts = [r["Anchor Description"] for r in T["Level Scale Anchors.txt"]]
    ck.expect(len(set(texts)) == len(texts), "duplicate anchor texts")
    ck.expect(len(T["Job Zone Reference.txt"]) == 5, "job zone reference rows")
    acts = collections.Counter(r["Element ID"] for r in T["Interests Illustrative Activities.txt"])
    ck.expect(len(acts) == 6 and min(acts.values()) >= 6, "illustrative activities %s" % dict(acts))
    kw = collections.Counter((r["Element ID"], r["Keyword Type"]) for r in T["RIASEC Keywords.txt"])
    ck.expect(len(kw) == 12 and min(kw.values()) >= 5, "RIASEC keywords %s" % dict(kw))

    # coverage targets
    for x in letters:
        ck.expect(first_hp[x] >= 14, "only %d occupations with first high point %s" % (first_hp[x], x))
    for z in "12345":
        ck.expect(zones[z] >= 12, "only %d occupations in job zone %s" % (zones[z], z))

    # reference code/title check (code and title columns only)
    verified = None
    if os.path.exists(args.reference):
        ref = {}
        with open(args.reference, encoding="utf-8") as f:
            next(f)
            for line in f:
                parts = line.rstrip("\r\n").split("\t", 2)[:2]
                ref[parts[0]] = parts[1]
        bad = [(c, t, ref.get(c)) for c, t in sorted(occ.items()) if ref.get(c) != t]
        for c, t, rt in bad:
            ck.err("code/title not in reference: %s %r (reference: %r)" % (c, t, rt))
        verified = len(occ) - len(bad)

    print("occupations: %d" % len(occ))
    print("first interest high point: " + ", ".join("%s=%d" % (x, first_hp[x]) for x in letters))
    print("job zones: " + ", ".join("%s=%d" % (z, zones[z]) for z in "12345"))
    print("rows: " + ", ".join("%s=%d" % (n.replace(".txt", ""), len(r)) for n, r in sorted(T.items())))
    if verified is None:
        print("reference Occupation Data not found; code/title check skipped")
    else:
        print("codes/titles matching the reference: %d/%d" % (verified, len(occ)))
    if ck.errors:
        print("\n%d problem(s):" % len(ck.errors))
        for e in ck.errors:
            print("  " + e)
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

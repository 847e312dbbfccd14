"""The compact per-occupation record used by the occupation modules.

Each occupation module calls :func:`occ` once per occupation.  Everything in a
record except the O*NET-SOC code and title is the passionpath team's own
writing or estimate.

Fields
------
code, title  O*NET-SOC 2019 code and title (taxonomy facts).
jz           Job zone 1-5 (our estimate of the preparation needed).
edu          Typical required education, as an RL category 1-12
             (see reference_text.ETE_CATEGORIES["RL"]).
desc         One or two sentences describing the work (own words).
oi           RIASEC interest profile, six floats 1-7 in R, I, A, S, E, C order.
ex           Work value extents, six floats 1-7 in the order Achievement,
             Working Conditions, Recognition, Relationships, Support,
             Independence.
core, supp   Task statements (own words), Core and Supplemental.
alts         Alternate titles: "Title" or ("Title", "Short title").
tech         Technology examples: (product, commodity code, flag) where flag
             "H" marks a hot technology and "" a regular one.
skills       Emphasised skills {element_id: (IM, LV)}; the rest come from the
             baseline model in build.py.
know         Emphasised knowledge {element_id: (IM, LV)}; same rule.
styles       Optional work-style overrides {element_id: IM}.
"""


def occ(code, title, *, jz, edu, desc, oi, ex, core, supp=(), alts, tech,
        skills, know, styles=None):
    return {
        "code": code,
        "title": title,
        "job_zone": jz,
        "education": edu,
        "description": desc,
        "oi": tuple(oi),
        "ex": tuple(ex),
        "core": list(core),
        "supp": list(supp),
        "alts": [a if isinstance(a, tuple) else (a, None) for a in alts],
        "tech": list(tech),
        "skills": dict(skills),
        "knowledge": dict(know),
        "styles": dict(styles or {}),
    }

"""Persona evaluation: would a careful career adviser trust these shortlists?

Each persona in ``data/personas/`` is an ordinary profile file written before any tuning,
and ``data/personas/judgements.tsv`` holds an adviser's judgement of it: careers that
belong on the shortlist (``good``) and careers that would make the person stop trusting
the product (``absurd``). The first personas alternate between a ``tune`` half, which may
be looked at while tuning, and a ``heldout`` half, which only reports; a change that helps
one half and not the other has learned the personas, not the people.

A third part, ``fresh``, was written on 2026-12-06, blind (without running the matcher or
looking at any of its output), after the held-out half had been looked at persona by
persona. It is reported only: never tune on it, or it stops being held out.

A fourth part, ``tune2``, was written blind on 2026-12-07 (again without running the
matcher or looking at its output) to widen the tuning set: 24 more people, each carrying
a word with more than one sense in context. It may be looked at while tuning, like
``tune``; ``heldout`` and ``fresh`` stay unseen.

A fifth part, ``tune3``, was written blind on 2026-12-07 as well: 24 more people from work
the earlier parts cover thinly (nursing, care, dental and pharmacy support, driving and
dispatch, hospitality, retail, office and finance, construction sites, IT support, police,
fire and military leavers, lab technicians, farming, hair, journalism), many of them
leaving their work or returning after a break. Tuning may look at it too.

A sixth part, ``resumes``, was written blind on 2026-12-07 (without running the matcher or
looking at its output) as résumés people publish: 16 JSON Resume files as they come from a
CV, with job titles, dates and summaries as people write them, and mostly no word of
passion (12 have no ``passionpath`` block at all; 4 add only one line on what makes them
lose track of time). It is reported only: never tune on it.

A seventh part, ``fresh2``, was written blind around midnight of 2026-12-07 (without
running the matcher or looking at its output): 16 people as they really write, from the
UK, Ireland, the US, Australia and India, aged 17 to 64, at every level of education from
GCSEs and school leavers to foreign degrees and unfinished study, among them career
changers, carers and people returning after illness, the redundant, a veteran and people
with a health limit. Some fill every reflection, some give only a summary or only a work
history, and most carry an everyday word with a second sense in context (stage, crane,
cell, operation, patient, court, tables, shoot, bar, draft, drive, foster, plant, pitch,
rig, floor) or say what work they are leaving. It is reported only: never tune on it.

Printed per part: the share of personas with at least two good careers in the top ten,
the share with no absurd career in the top ten, and the mean reciprocal rank of the first
good career in the whole ranking (0 when none is ranked). Then one line per persona.

``--starter`` runs on the bundled starter catalog instead of the full O*NET release;
judged codes that catalog lacks are dropped and counted, and personas left with no good
career are left out (and counted).
"""

from __future__ import annotations

import argparse
import csv
import time
from dataclasses import dataclass
from pathlib import Path

from _common import onet_context

from passionpath.profile import read_profile_file

PERSONAS = Path(__file__).resolve().parent / "data" / "personas"
SPLITS = ("tune", "tune2", "tune3", "heldout", "fresh", "resumes", "fresh2")
TOP = 10
#: Deep enough to rank every occupation in the catalog, so the first good one always has a rank.
WHOLE_RANKING = 1100


@dataclass
class Judgement:
    persona: str
    split: str
    good: list[str]
    absurd: list[str]
    note: str


@dataclass
class Outcome:
    judgement: Judgement
    first_good_rank: int | None
    good_in_top: list[str]
    absurd_in_top: list[str]


def read_judgements(path: Path) -> list[Judgement]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Judgement(
                persona=row["persona"],
                split=row["split"],
                good=[code.strip() for code in row["good"].split(",") if code.strip()],
                absurd=[code.strip() for code in row["absurd"].split(",") if code.strip()],
                note=row["note"],
            )
            for row in rows
        ]


def starter_context():  # type: ignore[no-untyped-def]
    """A context on a cache-directory database holding only the bundled starter catalog."""
    from passionpath.catalog import load_starter
    from passionpath.config import get_settings
    from passionpath.context import Context
    from passionpath.store import get_engine

    path = get_settings().cache_dir / "bench-starter.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = get_engine(f"sqlite:///{path}")
    load_starter(engine=engine, if_empty=True)
    return Context.open(engine=engine)


def catalog_codes(ctx) -> set[str]:  # type: ignore[no-untyped-def]
    from passionpath.match import load_matrices

    return {str(code) for code in load_matrices(ctx).codes}


def restrict(judgements: list[Judgement], known: set[str]) -> int:
    """Drop judged codes the catalog does not hold; return how many were dropped."""
    dropped = 0
    for judgement in judgements:
        for codes in (judgement.good, judgement.absurd):
            kept = [code for code in codes if code in known]
            dropped += len(codes) - len(kept)
            codes[:] = kept
    return dropped


def evaluate(judgement: Judgement, ctx) -> Outcome:  # type: ignore[no-untyped-def]
    from passionpath.match import match

    document = read_profile_file(PERSONAS / f"{judgement.persona}.json")
    ranking = match(document, ctx, top=WHOLE_RANKING).results
    # Folded siblings are shown under their entry ("and 3 similar", named), so an entry
    # stands for its own career and theirs, for good and absurd alike.
    shown = [[(r.code, r.title), *((s.code, s.title) for s in r.similar)] for r in ranking]
    rank_of = {code: rank for rank, entry in enumerate(shown, start=1) for code, _ in entry}
    top = [career for entry in shown[:TOP] for career in entry]
    good_ranks = [rank_of[code] for code in judgement.good if code in rank_of]
    return Outcome(
        judgement=judgement,
        first_good_rank=min(good_ranks) if good_ranks else None,
        good_in_top=[title for code, title in top if code in judgement.good],
        absurd_in_top=[title for code, title in top if code in judgement.absurd],
    )


def summarise(split: str, outcomes: list[Outcome]) -> None:
    n = len(outcomes)
    two_good = sum(len(o.good_in_top) >= 2 for o in outcomes) / n
    no_absurd = sum(not o.absurd_in_top for o in outcomes) / n
    mrr = sum(1 / o.first_good_rank for o in outcomes if o.first_good_rank) / n
    print(
        f"{split}: n={n}  >=2 good in top {TOP}: {two_good:.2f}  "
        f"no absurd in top {TOP}: {no_absurd:.2f}  MRR first good: {mrr:.3f}"
    )
    for o in outcomes:
        rank = o.first_good_rank if o.first_good_rank is not None else "-"
        good = "; ".join(o.good_in_top) or "-"
        absurd = "; ".join(o.absurd_in_top) or "-"
        print(f"  {o.judgement.persona:<9} first good {rank!s:>4}  good: {good}  absurd: {absurd}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--starter", action="store_true", help="Use the bundled starter catalog, not O*NET."
    )
    parser.add_argument(
        "--split",
        choices=SPLITS,
        help="Report only this part (tune, tune2 or tune3 while tuning, so heldout and "
        "fresh stay unseen).",
    )
    args = parser.parse_args()
    ctx = starter_context() if args.starter else onet_context()
    judgements = read_judgements(PERSONAS / "judgements.tsv")
    dropped = restrict(judgements, catalog_codes(ctx))
    unjudgeable = [j.persona for j in judgements if not j.good]
    judgements = [j for j in judgements if j.good and args.split in (None, j.split)]
    catalog = "starter catalog" if args.starter else "O*NET 30.0"
    print(
        f"{len(judgements)} personas on the {catalog}; judged codes not in it: {dropped}; "
        f"left out, no good career in it: {len(unjudgeable)}"
    )
    started = time.perf_counter()
    outcomes = [evaluate(judgement, ctx) for judgement in judgements]
    for split in SPLITS:
        chosen = [o for o in outcomes if o.judgement.split == split]
        if chosen:
            summarise(split, chosen)
    print(f"({time.perf_counter() - started:.1f} s for {len(outcomes)} personas)")


if __name__ == "__main__":
    main()

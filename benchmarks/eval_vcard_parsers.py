"""Which vCard parser reads real exports: vobject, or passionpath's own reader.

For each client-shaped fixture in tests/network/fixtures (and any .vcf files in folders given
on the command line), prints whether each parser reads every card of the file, and then the
time each takes over the benchmark's 10,000-card file. vobject is tried twice: on the file
decoded as UTF-8 (the way it is usually called), and on the text after passionpath's own
decoding (UTF-16, Windows-1252 ...), to separate encoding failures from parsing ones. A file
counts as read by vobject when ``readComponents`` goes through every card and each card's
properties can be listed, without an exception.

vobject is not a dependency of passionpath: ``pip install vobject==0.9.9`` to include it.
Usage: .venv/bin/python benchmarks/eval_vcard_parsers.py [FOLDER ...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bench_contacts import vcard_file

from passionpath.network import ImportFileError
from passionpath.network._files import read_text
from passionpath.network._vcard_lines import read_cards
from passionpath.network._vcard_read import read_vcards

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "network" / "fixtures"

try:
    import vobject  # type: ignore[import-untyped]
except ImportError:  # measured only where it is installed
    vobject = None


def ours(name: str, data: bytes) -> tuple[bool, str]:
    try:
        text = read_text(name, data)
        contacts, skipped = read_vcards(name, read_cards(name, text.lines), None)
    except ImportFileError as exc:
        return False, exc.reason
    return True, f"{len(contacts)} contacts, {len(skipped)} skipped"


def with_vobject(text: str) -> tuple[bool, str]:
    try:
        cards = list(vobject.readComponents(text))
        for card in cards:
            card.getChildren()
    except Exception as exc:  # vobject raises many kinds; any of them refuses the file
        return False, f"{type(exc).__name__}: {str(exc)[:60]}"
    return True, f"{len(cards)} cards"


def files(folders: list[str]) -> list[Path]:
    found = sorted(p for p in FIXTURES.glob("*.vcf") if not p.name.startswith("bad_"))
    for folder in folders:
        found += sorted(Path(folder).glob("*.vcf"))
    return found


def main() -> None:
    paths = files(sys.argv[1:])
    tally = {"ours": 0, "vobject (UTF-8)": 0, "vobject (decoded)": 0}
    for path in paths:
        data = path.read_bytes()
        ok, said = ours(path.name, data)
        tally["ours"] += ok
        line = f"{path.name:<42} ours: {'read' if ok else 'FAILED'} ({said})"
        if vobject is not None:
            try:
                raw_ok, raw_said = with_vobject(data.decode("utf-8-sig"))
            except UnicodeDecodeError:
                raw_ok, raw_said = False, "not UTF-8"
            decoded_ok, decoded_said = with_vobject("\r\n".join(read_text("", data).lines))
            tally["vobject (UTF-8)"] += raw_ok
            tally["vobject (decoded)"] += decoded_ok
            line += f"\n{'':<42} vobject: {'read' if raw_ok else 'FAILED'} ({raw_said})"
            line += f"; after our decoding: {'read' if decoded_ok else 'FAILED'} ({decoded_said})"
        print(line)
    print()
    for parser, count in tally.items():
        if parser == "ours" or vobject is not None:
            print(f"{parser:<18} reads {count} of {len(paths)} files")
    data = vcard_file()
    started = time.perf_counter()
    ours("bench.vcf", data)
    print(f"ours on 10,000 cards (in-process): {time.perf_counter() - started:.2f} s")
    if vobject is not None:
        started = time.perf_counter()
        ok, said = with_vobject(data.decode("utf-8"))
        took = time.perf_counter() - started
        print(f"vobject on 10,000 cards (in-process): {took:.2f} s ({'read' if ok else said})")


if __name__ == "__main__":
    main()

"""The charts: the quadrant map's axes, ticks and labels that never overlap, the hexagon with an
occupation over the person, and the files the command line writes."""

from __future__ import annotations

import dataclasses
import json
import struct
import xml.etree.ElementTree as ET
from itertools import combinations
from pathlib import Path

import pytest
from sqlalchemy import Engine

from passionpath.context import Context
from passionpath.match import MatchReport, match
from passionpath.match.chart import (
    Box,
    chart_svg,
    hexagon_svg,
    interest_levels,
    place_labels,
    quadrant_svg,
    write_chart,
)
from passionpath.profile import parse_document

MAYA = Path(__file__).resolve().parents[2] / "examples" / "profiles" / "maya.json"
NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def report(default_starter_engine: Engine) -> MatchReport:
    document = parse_document(json.loads(MAYA.read_text(encoding="utf-8")))
    found = match(document, Context.open(engine=default_starter_engine), top=15)
    assert len(found.results) == 15
    return found


def crowded(report: MatchReport, spread: float) -> MatchReport:
    """The same report with every result moved to within ``spread`` of one spot."""
    moved = [
        dataclasses.replace(
            r,
            passion=0.62 + spread * ((i * 7) % 5 - 2) / 2,
            qualification=0.71 + spread * ((i * 3) % 5 - 2) / 2,
        )
        for i, r in enumerate(report.results)
    ]
    return dataclasses.replace(report, results=moved)


def _number(element: ET.Element, name: str) -> float:
    return float(element.attrib[name])


def parts(svg: str) -> tuple[Box, list[Box], list[Box]]:
    """(plot frame, label boxes, boxes around the numbered marks) of a quadrant map."""
    root = ET.fromstring(svg)
    rects = list(root.iter(f"{NS}rect"))
    frame = next(r for r in rects if r.get("fill") == "none")
    plot = Box(*(_number(frame, k) for k in ("x", "y", "width", "height")))
    labels = [
        Box(*(_number(r, k) for k in ("x", "y", "width", "height")))
        for r in rects
        if r.get("class") == "label-box"
    ]
    marks = []
    for c in root.iter(f"{NS}circle"):
        if c.get("class") == "mark":
            cx, cy, radius = (_number(c, k) for k in ("cx", "cy", "r"))
            marks.append(Box(cx - radius, cy - radius, 2 * radius, 2 * radius))
    return plot, labels, marks


def assert_readable(svg: str, count: int) -> None:
    """Every numbered point has a label; labels overlap neither each other nor any point,
    and stay inside the plot."""
    plot, labels, marks = parts(svg)
    assert len(labels) == len(marks) == count
    for a, b in combinations(labels, 2):
        assert a.overlap(b) == 0, (a, b)
    for label in labels:
        assert label.inside(plot), label
        for mark in marks:
            assert label.overlap(mark) == 0, (label, mark)


def test_fifteen_results_have_labels_that_never_overlap(report: MatchReport) -> None:
    assert_readable(quadrant_svg(report), 15)
    assert_readable(quadrant_svg(report, 400), 15)  # the web's smaller map


@pytest.mark.parametrize("spread", [0.0, 0.02, 0.06])
def test_crowded_results_still_get_separate_labels(report: MatchReport, spread: float) -> None:
    assert_readable(quadrant_svg(crowded(report, spread), 400), 15)


def test_the_overlap_check_can_fail() -> None:
    # Obstacles covering the whole plot leave no free place: the least bad one is taken.
    area = Box(0, 0, 100, 100)
    [label] = place_labels([(50, 50)], [(20, 16)], area, [area])
    assert label.overlap(area) > 0
    assert Box(0, 0, 10, 10).overlap(Box(5, 5, 10, 10)) == 25
    assert Box(0, 0, 10, 10).overlap(Box(10, 0, 10, 10)) == 0  # touching is not overlapping


def test_the_map_has_axes_ticks_titles_and_details_for_every_point(report: MatchReport) -> None:
    svg = quadrant_svg(report, href=lambda code: f"/occupations/{code}")
    root = ET.fromstring(svg)
    texts = ["".join(t.itertext()) for t in root.iter(f"{NS}text")]
    ticks = [
        "".join(t.itertext()) for t in root.iter(f"{NS}text") if t.get("class") == "tick-label"
    ]
    assert ticks == [label for v in ("0", "0.25", "0.5", "0.75", "1") for label in (v, v)]
    assert sum(1 for line in root.iter(f"{NS}line") if line.get("class") == "tick") == 10
    assert any(t.startswith("Passion fit") for t in texts)
    assert any(t.startswith("Qualification fit") for t in texts)
    for name in ("sweet spot", "passion stretch", "safe fit", "neither"):
        assert name in texts
    links = list(root.iter(f"{NS}a"))
    assert [link.get("href") for link in links] == [
        f"/occupations/{r.code}" for r in report.results
    ]
    for rank, (link, result) in enumerate(zip(links, report.results, strict=True), start=1):
        title = link.find(f"{NS}title")
        assert title is not None and title.text is not None
        assert title.text.startswith(f"{rank}. {result.title}: passion fit ")
        assert link.get("aria-label") == title.text
    assert root.find(f"{NS}desc") is not None


def test_the_hexagon_draws_the_occupation_over_the_person() -> None:
    person = {"R": 0.2, "I": 0.9, "A": 0.5, "S": 0.1, "E": 0.3, "C": 0.4}
    occupation = interest_levels({"R": 1.0, "I": 7.0, "A": 4.0, "S": 2.5, "E": 1.0, "C": 5.5})
    assert occupation["R"] == 0 and occupation["I"] == 1 and occupation["A"] == 0.5
    root = ET.fromstring(hexagon_svg(person, occupation, occupation_label="Chemists"))
    shapes = [p for p in root.iter(f"{NS}polygon") if p.get("fill-opacity")]
    assert len(shapes) == 2 and shapes[1].get("stroke-dasharray")  # the occupation, dashed
    desc = root.find(f"{NS}desc")
    assert desc is not None and desc.text is not None
    assert "You: Realistic 0.20, Investigative 0.90" in desc.text
    assert "Chemists: Realistic 0.00, Investigative 1.00, Artistic 0.50" in desc.text
    texts = ["".join(t.itertext()) for t in root.iter(f"{NS}text")]
    assert "You" in texts and "Chemists" in texts
    assert "Investigative0.90 / 1.00" in texts
    alone = ET.fromstring(hexagon_svg(None, occupation, occupation_label="Chemists"))
    assert len([p for p in alone.iter(f"{NS}polygon") if p.get("fill-opacity")]) == 1


def test_the_cli_picture_holds_both_charts_and_the_list(
    report: MatchReport, tmp_path: Path
) -> None:
    svg = chart_svg(report)
    root = ET.fromstring(svg)
    assert root.get("width") is not None
    texts = ["".join(t.itertext()) for t in root.iter(f"{NS}text")]
    assert "Top results" in texts and "1." in texts and "15." in texts
    assert any(t.startswith("Realistic") for t in texts)
    assert_readable(svg, 15)
    png = tmp_path / "map.png"
    write_chart(report, png)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (2 * int(root.attrib["width"]), 2 * int(root.attrib["height"]))

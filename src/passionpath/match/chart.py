"""SVG pictures of a match: the quadrant map and the RIASEC hexagon.

Plain SVG strings, so the web pages can inline them and the command line can write them to a
file (PNG through resvg). Every mark that stands for a figure carries a ``<title>`` with that
figure, so hovering shows it, and the map's numbered points can be links the keyboard reaches.
Text is sized for the charts to stay readable when a phone shrinks them to its width.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path

import numpy as np

from passionpath.errors import PassionpathError
from passionpath.files import write_user_file
from passionpath.match._congruence import AREAS
from passionpath.match._report import MatchReport
from passionpath.profile import AREA_NAMES

#: Colours with at least 4.5:1 contrast on white, told apart by more than hue as well
#: (the occupation's outline is dashed).
INK = "#1b1b1f"
MUTED = "#4a4a55"
GRID = "#dadce0"
PERSON = "#0b57d0"
OCCUPATION = "#a63c00"
SWEET = "#e6f4ea"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"

#: The map's outer size and the margins that hold tick labels and axis titles.
MAP_SIZE = 480
_LEFT, _RIGHT, _TOP, _BOTTOM = 64, 16, 16, 64
TICKS = (0.0, 0.25, 0.5, 0.75, 1.0)
_MARK = 5.5  # radius of a numbered point
_LABEL_H = 18.0
_DIGIT_W = 7.6  # a digit at the labels' 12.5 px bold, generously
_CHAR_W = 7.0  # an average character at the corner labels' 13 px
#: A white outline under text, so it stays legible where it crosses a line.
_HALO = ' stroke="#ffffff" stroke-width="3" paint-order="stroke"'
_TICK = ' class="tick-label"'


@dataclass(frozen=True)
class Box:
    """A rectangle in the chart's coordinates (y grows downwards, as in SVG)."""

    x: float
    y: float
    w: float
    h: float

    def overlap(self, other: Box) -> float:
        """The area the two boxes share (0 when they only touch)."""
        dx = min(self.x + self.w, other.x + other.w) - max(self.x, other.x)
        dy = min(self.y + self.h, other.y + other.h) - max(self.y, other.y)
        return dx * dy if dx > 0 and dy > 0 else 0.0

    def inside(self, other: Box) -> bool:
        return (
            self.x >= other.x
            and self.y >= other.y
            and self.x + self.w <= other.x + other.w
            and self.y + self.h <= other.y + other.h
        )

    def nearest(self, px: float, py: float) -> tuple[float, float]:
        """The point of the box closest to (px, py), where a leader line ends."""
        return min(max(px, self.x), self.x + self.w), min(max(py, self.y), self.y + self.h)


def _directions() -> list[tuple[float, float]]:
    """Unit steps around a point, the usual label positions first (right, up-right, ...)."""
    order = [0, -45, 45, -90, 90, 180, -135, 135, -22.5, 22.5, -67.5, 67.5]
    order += [-112.5, 112.5, -157.5, 157.5]
    return [(math.cos(math.radians(a)), math.sin(math.radians(a))) for a in order]


_STEPS = _directions()
_DISTANCES = (3.0, 9.0, 16.0, 24.0, 34.0, 46.0, 60.0, 76.0, 96.0, 120.0)


def place_labels(
    points: list[tuple[float, float]],
    sizes: list[tuple[float, float]],
    area: Box,
    obstacles: Iterable[Box] = (),
    mark: float = _MARK,
) -> list[Box]:
    """A box of ``sizes[i]`` near each of ``points``, in order, none overlapping another, a
    mark, or an obstacle, and all inside ``area``.

    Each label tries positions on rings around its point, nearest first; the first free one
    wins, so the best-ranked results (placed first) sit closest to their points. When a
    crowd leaves no free position within reach, the one with the least overlap is taken.
    """
    marks = [Box(x - mark - 1, y - mark - 1, 2 * mark + 2, 2 * mark + 2) for x, y in points]
    taken = [*obstacles, *marks]
    placed: list[Box] = []
    for (px, py), (w, h) in zip(points, sizes, strict=True):
        best: tuple[float, Box] | None = None
        for distance in _DISTANCES:
            reach = mark + distance
            for dx, dy in _STEPS:
                # The box's side faces the point: its centre sits half a box further out.
                cx = px + dx * (reach + w / 2)
                cy = py + dy * (reach + h / 2)
                box = Box(cx - w / 2, cy - h / 2, w, h)
                if not box.inside(area):
                    continue
                clash = sum(box.overlap(other) for other in taken)
                if best is None or clash < best[0]:
                    best = (clash, box)
                if clash == 0:
                    break
            if best is not None and best[0] == 0:
                break
        chosen = best[1] if best is not None else Box(px - w / 2, py - h / 2, w, h)
        placed.append(chosen)
        taken.append(chosen)
    return placed


def svg_text(
    x: float,
    y: float,
    words: str,
    *,
    size: float = 13,
    anchor: str = "start",
    fill: str = INK,
    weight: str = "normal",
    extra: str = "",
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" font-family="{FONT}" '
        f'fill="{fill}" text-anchor="{anchor}" font-weight="{weight}"{extra}>{words}</text>'
    )


def _tick(value: float) -> str:
    return f"{value:g}"


def quadrant_svg(
    report: MatchReport,
    size: int = MAP_SIZE,
    *,
    href: Callable[[str], str] | None = None,
    id_prefix: str = "qm",
) -> str:
    """Passion fit (x) against qualification fit (y), both 0-1 with ticks: every occupation
    a grey dot, the top results as numbered points (the numbers of the result list), and
    the person's own cut-offs as dashed lines splitting the four quadrants.

    ``href`` turns each numbered point into a link (the web gives the occupation's page);
    each point's ``<title>`` says its name and figures."""
    if report.scores is None:
        raise PassionpathError("This match report carries no scores to draw.")
    s = report.scores
    # The margins hold text of a fixed size, so they stay as they are at any size.
    left, right, top, bottom = _LEFT, _RIGHT, _TOP, _BOTTOM
    width = size - left - right
    height = size - top - bottom

    def x(v: float) -> float:
        return left + v * width

    def y(v: float) -> float:
        return top + (1 - v) * height

    p_cut, q_cut = s.thresholds
    title = f"{id_prefix}-title"
    desc = f"{id_prefix}-desc"
    described = (
        "Each grey dot is an occupation, placed by how well it fits what you love "
        "(across, 0 to 1) and what you can do (up, 0 to 1). The numbered points are your "
        f"top results. Dashed lines mark your own cut-offs: passion {p_cut:.2f}, "
        f"qualification {q_cut:.2f}; above and right of both is your sweet spot."
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" role="group" aria-labelledby="{title}" '
        f'aria-describedby="{desc}" class="chart-map">',
        f'<title id="{title}">Quadrant map: passion fit against qualification fit</title>',
        f'<desc id="{desc}">{escape(described)}</desc>',
        f'<rect width="{size}" height="{size}" fill="#ffffff"/>',
        '<g aria-hidden="true">',
        f'<rect x="{x(p_cut):.1f}" y="{y(1):.1f}" width="{x(1) - x(p_cut):.1f}" '
        f'height="{y(q_cut) - y(1):.1f}" fill="{SWEET}"/>',
    ]
    # Grid, ticks and their labels: the same five values on both axes.
    for v in TICKS:
        parts.append(
            f'<line x1="{x(v):.1f}" y1="{y(0):.1f}" x2="{x(v):.1f}" y2="{y(1):.1f}" '
            f'stroke="{GRID}"/>'
        )
        parts.append(
            f'<line x1="{x(0):.1f}" y1="{y(v):.1f}" x2="{x(1):.1f}" y2="{y(v):.1f}" '
            f'stroke="{GRID}"/>'
        )
        parts.append(
            f'<line x1="{x(v):.1f}" y1="{y(0):.1f}" x2="{x(v):.1f}" y2="{y(0) + 5:.1f}" '
            f'stroke="{MUTED}" class="tick"/>'
        )
        parts.append(
            f'<line x1="{x(0) - 5:.1f}" y1="{y(v):.1f}" x2="{x(0):.1f}" y2="{y(v):.1f}" '
            f'stroke="{MUTED}" class="tick"/>'
        )
        parts.append(
            svg_text(x(v), y(0) + 20, _tick(v), size=12, anchor="middle", fill=MUTED, extra=_TICK)
        )
        parts.append(
            svg_text(x(0) - 9, y(v) + 4, _tick(v), size=12, anchor="end", fill=MUTED, extra=_TICK)
        )
    parts += [
        f'<rect x="{x(0):.1f}" y="{y(1):.1f}" width="{width:.1f}" height="{height:.1f}" '
        f'fill="none" stroke="{MUTED}"/>',
        f'<line x1="{x(p_cut):.1f}" y1="{y(0):.1f}" x2="{x(p_cut):.1f}" y2="{y(1):.1f}" '
        f'stroke="{MUTED}" stroke-dasharray="5 4"/>',
        f'<line x1="{x(0):.1f}" y1="{y(q_cut):.1f}" x2="{x(1):.1f}" y2="{y(q_cut):.1f}" '
        f'stroke="{MUTED}" stroke-dasharray="5 4"/>',
        svg_text(
            x(0.5),
            size - 14,
            "Passion fit: what you love \u2192",
            anchor="middle",
            weight="600",
        ),
        svg_text(
            0,
            0,
            "Qualification fit: what you can do \u2192",
            anchor="middle",
            weight="600",
            extra=f' transform="translate(20 {y(0.5):.1f}) rotate(-90)"',
        ),
    ]
    # The quadrants' names in the plot's corners; the numbered labels keep clear of them.
    corners: list[Box] = []
    for name, cx, cy, anchor in (
        ("sweet spot", x(1) - 6, y(1) + 17, "end"),
        ("passion stretch", x(1) - 6, y(0) - 8, "end"),
        ("safe fit", x(0) + 6, y(1) + 17, "start"),
        ("neither", x(0) + 6, y(0) - 8, "start"),
    ):
        w = len(name) * _CHAR_W
        corners.append(Box(cx - w if anchor == "end" else cx, cy - 13, w, 17))
        parts.append(
            svg_text(cx, cy, name, anchor=anchor, fill=MUTED, extra=' font-style="italic"')
        )
    for row in np.flatnonzero(s.candidates):
        parts.append(
            f'<circle cx="{x(float(s.passion[row])):.1f}" '
            f'cy="{y(float(s.qualification[row])):.1f}" r="2.2" fill="#9aa0a6" '
            'fill-opacity="0.7"/>'
        )
    parts.append("</g>")
    points = [(x(r.passion), y(r.qualification)) for r in report.results]
    sizes = [(10 + _DIGIT_W * len(str(rank)), _LABEL_H) for rank in range(1, len(points) + 1)]
    boxes = place_labels(points, sizes, Box(x(0), y(1), width, height), corners)
    # Leaders first, under every mark and label: a label's white box hides any that pass.
    parts.append('<g aria-hidden="true">')
    for (px, py), box in zip(points, boxes, strict=True):
        ex, ey = box.nearest(px, py)
        if math.hypot(ex - px, ey - py) > _MARK + 4:
            parts.append(
                f'<line x1="{px:.1f}" y1="{py:.1f}" x2="{ex:.1f}" y2="{ey:.1f}" '
                f'stroke="{PERSON}" stroke-width="1"/>'
            )
    parts.append("</g>")
    # Each point is one group (mark and label), so hovering either shows its title.
    for rank, (result, (px, py), box) in enumerate(
        zip(report.results, points, boxes, strict=True), start=1
    ):
        detail = (
            f"{rank}. {result.title}: passion fit {result.passion:.2f}, qualification fit "
            f"{result.qualification:.2f}, {result.quadrant}"
        )
        open_tag = (
            f'<a href="{escape(href(result.code))}" aria-label="{escape(detail)}" '
            f'class="point" data-detail="{escape(detail)}">'
            if href
            else f'<g class="point" data-detail="{escape(detail)}">'
        )
        parts += [
            open_tag,
            f"<title>{escape(detail)}</title>",
            f'<circle class="mark" cx="{px:.1f}" cy="{py:.1f}" r="{_MARK}" fill="{PERSON}" '
            'stroke="#ffffff" stroke-width="1.5"/>',
            f'<rect class="label-box" x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" '
            f'height="{box.h:.1f}" rx="4" fill="#ffffff" stroke="{PERSON}"/>',
            svg_text(
                box.x + box.w / 2,
                box.y + box.h - 4.5,
                str(rank),
                size=12.5,
                anchor="middle",
                fill=PERSON,
                weight="700",
            ),
            "</a>" if href else "</g>",
        ]
    parts.append("</svg>")
    return "\n".join(p for p in parts if p)


def interest_levels(ratings: Mapping[str, float]) -> dict[str, float]:
    """An occupation's O*NET interest ratings (1-7) on the person's 0-1 scale."""
    return {a: min(max((float(v) - 1.0) / 6.0, 0.0), 1.0) for a, v in ratings.items()}


def hexagon_svg(
    riasec: Mapping[str, float] | None,
    occupation: Mapping[str, float] | None = None,
    *,
    occupation_label: str = "This occupation",
    person_label: str = "You",
    id_prefix: str = "hx",
) -> str:
    """The six interest areas (0-1) on the R-I-A-S-E-C hexagon: the person's profile as a
    filled shape and, when given, an occupation's (already on 0-1, see ``interest_levels``)
    as a dashed outline over it. Either may be missing; the legend names what is drawn."""
    width, height = 400, 340
    centre_x, centre_y, radius = width / 2, 158.0, 105.0
    series = [
        (person_label, riasec, PERSON, ""),
        (occupation_label, occupation, OCCUPATION, ' stroke-dasharray="7 4"'),
    ]
    drawn = [(label, values, colour, dash) for label, values, colour, dash in series if values]

    def point(i: int, r: float) -> tuple[float, float]:
        angle = math.radians(-90 + 60 * i)
        return centre_x + r * math.cos(angle), centre_y + r * math.sin(angle)

    def polygon(rs: list[float]) -> str:
        return " ".join(f"{px:.1f},{py:.1f}" for px, py in (point(i, r) for i, r in enumerate(rs)))

    def level(values: Mapping[str, float], area: str) -> float:
        return min(max(float(values.get(area, 0.0)), 0.0), 1.0)

    title, desc = f"{id_prefix}-title", f"{id_prefix}-desc"
    described = (
        "; ".join(
            f"{label}: " + ", ".join(f"{AREA_NAMES[a]} {level(values, a):.2f}" for a in AREAS)
            for label, values, _, _ in drawn
        )
        or "No interest scores yet."
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="{title}" '
        f'aria-describedby="{desc}" class="chart-hexagon">',
        f'<title id="{title}">Interest hexagon (RIASEC), each area from 0 at the centre '
        "to 1 at the edge</title>",
        f'<desc id="{desc}">{escape(described)}</desc>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    for ring in (0.25, 0.5, 0.75, 1.0):
        parts.append(
            f'<polygon points="{polygon([radius * ring] * 6)}" fill="none" stroke="{GRID}"/>'
        )
    for i in range(6):
        ex, ey = point(i, radius)
        parts.append(
            f'<line x1="{centre_x}" y1="{centre_y}" x2="{ex:.1f}" y2="{ey:.1f}" stroke="{GRID}"/>'
        )
    for label, values, colour, dash in drawn:
        levels = [level(values, a) for a in AREAS]
        opacity = "0.22" if colour == PERSON else "0.08"
        parts.append(
            f'<polygon points="{polygon([radius * max(0.02, v) for v in levels])}" '
            f'fill="{colour}" fill-opacity="{opacity}" stroke="{colour}" stroke-width="2.5"'
            f"{dash}/>"
        )
        for i, (area, v) in enumerate(zip(AREAS, levels, strict=True)):
            px, py = point(i, radius * max(0.02, v))
            parts.append(
                f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{colour}">'
                f"<title>{escape(label)}: {AREA_NAMES[area]} {v:.2f}</title></circle>"
            )
    for ring in (0.5, 1.0):  # the scale, along the spoke to Realistic, over the shapes
        parts.append(
            svg_text(
                centre_x + 4,
                centre_y - radius * ring + 12,
                _tick(ring),
                size=11,
                fill=MUTED,
                extra=_HALO,
            )
        )
    for i, area in enumerate(AREAS):
        lx, ly = point(i, radius + 14)
        cos = math.cos(math.radians(-90 + 60 * i))
        anchor = "middle" if abs(cos) < 0.1 else ("start" if cos > 0 else "end")
        if i == 0:
            ly -= 22  # above the top corner: the name, then the figures
        elif i == 3:
            ly += 8
        figures = "".join(
            f'<tspan fill="{colour}">{" / " if n else ""}{level(values, area):.2f}</tspan>'
            for n, (_, values, colour, _) in enumerate(drawn)
        )
        parts.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="13" font-family="{FONT}" '
            f'text-anchor="{anchor}" fill="{INK}"><tspan font-weight="600">'
            f"{AREA_NAMES[area]}</tspan>"
            + (f'<tspan x="{lx:.1f}" dy="15" font-size="12">{figures}</tspan>' if figures else "")
            + "</text>"
        )
    legend_y = height - 22
    legend_x = 16.0
    for label, _, colour, dash in drawn:
        short = label if len(label) <= 34 else label[:33] + "\u2026"
        parts.append(
            f'<line x1="{legend_x:.1f}" y1="{legend_y - 4}" x2="{legend_x + 22:.1f}" '
            f'y2="{legend_y - 4}" stroke="{colour}" stroke-width="3"{dash}/>'
        )
        parts.append(svg_text(legend_x + 28, legend_y, escape(short), fill=colour, weight="600"))
        legend_x += 40 + len(short) * _CHAR_W
    if not drawn:
        parts.append(svg_text(centre_x, legend_y, "No interest scores yet", anchor="middle"))
    parts.append("</svg>")
    return "\n".join(parts)


def chart_svg(report: MatchReport) -> str:
    """The quadrant map, the hexagon beside it, and the numbered list of results under the
    hexagon, as one picture for a file."""
    results = report.results
    side_x, list_top, line = MAP_SIZE + 16, 372, 20
    width = side_x + 404
    footnote_y = list_top + line * (len(results) + 1)
    height = max(MAP_SIZE, footnote_y + 14)
    legend = [svg_text(side_x + 8, list_top, "Top results", size=14, weight="700")]
    for i, r in enumerate(results, start=1):
        name = r.title if len(r.title) <= 38 else r.title[:37] + "\u2026"
        row_y = list_top + line * i
        legend += [
            f"<g><title>{escape(r.title)}</title>",
            svg_text(side_x + 8, row_y, f"{i}.", fill=PERSON, weight="700"),
            svg_text(side_x + 34, row_y, escape(name)),
            svg_text(
                width - 8,
                row_y,
                f"P {r.passion:.2f}  Q {r.qualification:.2f}",
                size=12,
                anchor="end",
                fill=MUTED,
            ),
            "</g>",
        ]
    note = "P passion fit, Q qualification fit, both from 0 to 1"
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}">',
            f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
            quadrant_svg(report),
            f'<g transform="translate({side_x} 8)">{hexagon_svg(report.riasec)}</g>',
            *legend,
            svg_text(side_x + 8, footnote_y, note, size=11, fill=MUTED) if results else "",
            "</svg>",
        ]
    )


def write_chart(report: MatchReport, path: Path) -> None:
    write_svg(chart_svg(report), path)


def write_svg(svg: str, path: Path) -> None:
    """A drawing to a .svg file, or rendered to a .png one; any other name is refused."""
    suffix = path.suffix.lower()
    if suffix == ".svg":
        write_user_file(path, svg)
    elif suffix == ".png":
        import resvg_py

        # Twice the SVG's size: the small text stays sharp on today's screens.
        png = resvg_py.svg_to_bytes(svg_string=svg, background="#ffffff", zoom=2)
        write_user_file(path, bytes(png))
    else:
        raise PassionpathError(f"{str(path)!r}: use a .svg or .png file name.", field="chart")

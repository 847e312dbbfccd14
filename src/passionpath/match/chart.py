"""SVG pictures of a match: the quadrant map and the person's RIASEC hexagon.

Plain SVG strings, so the web pages can inline them; PNG goes through resvg.
"""

from __future__ import annotations

import math
from html import escape
from pathlib import Path

import numpy as np

from passionpath.errors import PassionpathError
from passionpath.files import write_user_file
from passionpath.match._congruence import AREAS
from passionpath.match._report import MatchReport
from passionpath.profile import AREA_NAMES

_SIZE = 420
_PAD = 48


def quadrant_svg(report: MatchReport, size: int = _SIZE) -> str:
    """Passion fit (x) against qualification fit (y): every occupation a dot, the top
    results numbered, and the person's own thresholds splitting the four quadrants."""
    if report.scores is None:
        raise PassionpathError("This match report carries no scores to draw.")
    s = report.scores
    inner = size - 2 * _PAD

    def x(v: float) -> float:
        return _PAD + v * inner

    def y(v: float) -> float:
        return size - _PAD - v * inner

    p_cut, q_cut = s.thresholds
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" role="img" aria-labelledby="qm-title">',
        '<title id="qm-title">Quadrant map: passion fit against qualification fit</title>',
        f'<rect x="0" y="0" width="{size}" height="{size}" fill="#ffffff"/>',
        f'<rect x="{x(p_cut):.1f}" y="{y(1):.1f}" width="{x(1) - x(p_cut):.1f}" '
        f'height="{y(q_cut) - y(1):.1f}" fill="#e6f4ea"/>',
        f'<rect x="{_PAD}" y="{_PAD}" width="{inner}" height="{inner}" fill="none" stroke="#555"/>',
        f'<line x1="{x(p_cut):.1f}" y1="{y(0):.1f}" x2="{x(p_cut):.1f}" y2="{y(1):.1f}" '
        'stroke="#888" stroke-dasharray="4 3"/>',
        f'<line x1="{x(0):.1f}" y1="{y(q_cut):.1f}" x2="{x(1):.1f}" y2="{y(q_cut):.1f}" '
        'stroke="#888" stroke-dasharray="4 3"/>',
    ]
    for label, lx, ly, anchor in (
        ("sweet spot", x(1) - 4, y(1) + 14, "end"),
        ("passion stretch", x(1) - 4, y(0) - 6, "end"),
        ("safe fit", x(0) + 4, y(1) + 14, "start"),
        ("neither", x(0) + 4, y(0) - 6, "start"),
    ):
        parts.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="11" fill="#333" '
            f'text-anchor="{anchor}" font-family="sans-serif">{label}</text>'
        )
    rows = np.flatnonzero(s.candidates)
    for row in rows:
        parts.append(
            f'<circle cx="{x(float(s.passion[row])):.1f}" '
            f'cy="{y(float(s.qualification[row])):.1f}" r="2" fill="#9aa0a6"/>'
        )
    for rank, result in enumerate(report.results, start=1):
        cx, cy = x(result.passion), y(result.qualification)
        parts.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="8" fill="#1a73e8">'
            f"<title>{escape(result.title)}</title></circle>"
        )
        parts.append(
            f'<text x="{cx:.1f}" y="{cy + 4:.1f}" font-size="10" fill="#fff" '
            f'text-anchor="middle" font-family="sans-serif">{rank}</text>'
        )
    parts += [
        f'<text x="{size / 2}" y="{size - 12}" font-size="12" text-anchor="middle" '
        'font-family="sans-serif">passion fit</text>',
        f'<text x="14" y="{size / 2}" font-size="12" text-anchor="middle" '
        f'font-family="sans-serif" transform="rotate(-90 14 {size / 2})">qualification fit</text>',
        "</svg>",
    ]
    return "\n".join(parts)


def hexagon_svg(riasec: dict[str, float] | None, size: int = 300) -> str:
    """The person's six interest scores (0-1) on the R-I-A-S-E-C hexagon."""
    centre, radius = size / 2, size / 2 - 40
    values = [float((riasec or {}).get(a, 0.0)) for a in AREAS]

    def point(i: int, r: float) -> tuple[float, float]:
        angle = math.radians(-90 + 60 * i)
        return centre + r * math.cos(angle), centre + r * math.sin(angle)

    def polygon(rs: list[float]) -> str:
        return " ".join(f"{px:.1f},{py:.1f}" for px, py in (point(i, r) for i, r in enumerate(rs)))

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" role="img" aria-labelledby="hx-title">',
        '<title id="hx-title">RIASEC interest hexagon</title>',
        f'<rect width="{size}" height="{size}" fill="#ffffff"/>',
    ]
    for level in (0.25, 0.5, 0.75, 1.0):
        parts.append(
            f'<polygon points="{polygon([radius * level] * 6)}" fill="none" stroke="#ccc"/>'
        )
    parts.append(
        f'<polygon points="{polygon([radius * max(0.02, v) for v in values])}" '
        'fill="#1a73e8" fill-opacity="0.35" stroke="#1a73e8" stroke-width="2"/>'
    )
    for i, name in enumerate(AREA_NAMES[a] for a in AREAS):
        lx, ly = point(i, radius + 22)
        parts.append(
            f'<text x="{lx:.1f}" y="{ly + 4:.1f}" font-size="11" text-anchor="middle" '
            f'font-family="sans-serif">{name[0]} {values[i]:.2f}<title>{name}</title>'
            "</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts)


def chart_svg(report: MatchReport) -> str:
    """The quadrant map and the hexagon side by side, with the numbered legend."""
    legend = [
        f'<text x="{_SIZE + 20}" y="{320 + 16 * i}" font-size="11" '
        f'font-family="sans-serif">{i}. {escape(r.title[:48])}</text>'
        for i, r in enumerate(report.results, start=1)
    ]
    height = max(_SIZE, 330 + 16 * len(report.results))
    width = _SIZE + 340
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}">',
            f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
            f"<g>{quadrant_svg(report)}</g>",
            f'<g transform="translate({_SIZE + 20} 0)">{hexagon_svg(report.riasec)}</g>',
            *legend,
            "</svg>",
        ]
    )


def write_chart(report: MatchReport, path: Path) -> None:
    svg = chart_svg(report)
    suffix = path.suffix.lower()
    if suffix == ".svg":
        write_user_file(path, svg)
    elif suffix == ".png":
        import resvg_py

        write_user_file(path, bytes(resvg_py.svg_to_bytes(svg_string=svg, background="#ffffff")))
    else:
        raise PassionpathError(f"{str(path)!r}: use a .svg or .png file name.", field="chart")

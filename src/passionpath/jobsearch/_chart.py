"""The funnel as a picture: one bar per stage, its length the applications that reached it,
with the count and the step's conversion written beside it.

Plain SVG in the project's chart style (the colours, font and white background of
``passionpath.match.chart``), so the web inlines it and the command line writes it as SVG or,
through resvg, PNG. Each bar's ``<title>`` says its figures.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from passionpath.jobsearch._funnel import Funnel
from passionpath.match.chart import GRID, MUTED, PERSON, svg_text, write_svg

__all__ = ["funnel_svg", "write_funnel_chart"]

_WIDTH = 560
_LABEL_W = 110
_BAR_H = 34
_GAP = 14
_TOP = 44
_RIGHT = 150
_WORDS = {
    "applied": "Applied",
    "screen": "Screen",
    "interview": "Interview",
    "offer": "Offer",
    "accepted": "Accepted",
}


def _text(x: float, y: float, words: str, **style: Any) -> str:
    return svg_text(x, y, escape(words), **style)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def funnel_svg(f: Funnel, *, id_prefix: str = "fn") -> str:
    rows = f.stages
    height = _TOP + len(rows) * (_BAR_H + _GAP) + 24
    span = _WIDTH - _LABEL_W - _RIGHT
    top = max((r.reached for r in rows), default=0) or 1
    title, desc = f"{id_prefix}-title", f"{id_prefix}-desc"
    said = "; ".join(
        f"{_WORDS[r.stage]} {r.reached}"
        + (f" ({_percent(r.conversion)} of the stage before)" if r.conversion is not None else "")
        for r in rows
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_WIDTH} {height}" role="img" aria-labelledby="{title}" '
        f'aria-describedby="{desc}" class="chart-funnel">',
        f'<title id="{title}">Your application funnel</title>',
        f'<desc id="{desc}">{escape(said)}.</desc>',
        f'<rect width="{_WIDTH}" height="{height}" fill="#ffffff"/>',
        _text(_LABEL_W, 24, f"{f.applied} applications sent", size=14, weight="bold"),
    ]
    for i, r in enumerate(rows):
        y = _TOP + i * (_BAR_H + _GAP)
        length = span * r.reached / top
        parts.append(
            f'<rect x="{_LABEL_W}" y="{y}" width="{span}" height="{_BAR_H}" fill="none" '
            f'stroke="{GRID}"/>'
        )
        tip = f"{_WORDS[r.stage]}: {r.reached} of {f.applied} ({_percent(r.of_applied)})"
        parts.append(
            f'<rect x="{_LABEL_W}" y="{y}" width="{length:.1f}" height="{_BAR_H}" '
            f'fill="{PERSON}"><title>{escape(tip)}</title></rect>'
        )
        parts.append(_text(_LABEL_W - 10, y + _BAR_H / 2 + 5, _WORDS[r.stage], anchor="end"))
        parts.append(_text(_LABEL_W + span + 10, y + _BAR_H / 2 - 2, str(r.reached), weight="bold"))
        if r.conversion is not None:
            parts.append(
                _text(
                    _LABEL_W + span + 10,
                    y + _BAR_H / 2 + 13,
                    f"{_percent(r.conversion)} of the step before",
                    size=11,
                    fill=MUTED,
                )
            )
    parts.append("</svg>")
    return "\n".join(parts)


def write_funnel_chart(f: Funnel, path: Path) -> None:
    write_svg(funnel_svg(f), path)

"""The HTML report's charts as geometry: numbers the SVG templates draw, nothing else.

`distribution` lays out a histogram over [lo, hi] above a strip plot of every value
(mean marked, the baseline's outline and mean when given); `verdict_bars` one stacked
bar per fact (share present / absent / contradicted). The templates
(`templates/_charts.html.j2`) turn them into inline SVG.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

VERDICTS = ("present", "absent", "contradicted")
W, H = 280, 132
LEFT, RIGHT, TOP, HIST_H = 8, 8, 10, 62
STRIP_Y, STRIP_H = TOP + HIST_H + 14, 18
AXIS_Y = STRIP_Y + STRIP_H + 6
PLOT_W = W - LEFT - RIGHT


def _jitter(i: int) -> float:
    """Deterministic pseudo-random offset in [-1, 1] for strip plots."""
    x = math.sin(i * 12.9898 + 78.233) * 43758.5453
    return (x - math.floor(x)) * 2 - 1


@dataclass
class Distribution:
    label: str
    w: int = W
    h: int = H
    grid: list[float] = field(default_factory=list)  # x of each inner bin edge
    bars: list[dict] = field(default_factory=list)  # x, y, w, h, title
    base_path: str = ""  # the baseline's histogram outline (SVG path), or ""
    dots: list[dict] = field(default_factory=list)  # cx, cy, title
    mean_x: float | None = None
    mean: float | None = None
    base_mean_x: float | None = None
    base_mean: float | None = None
    ticks: list[dict] = field(default_factory=list)  # x, anchor, text
    top: int = TOP
    hist_bottom: int = TOP + HIST_H
    strip_y: int = STRIP_Y
    strip_h: int = STRIP_H
    left: int = LEFT
    plot_w: int = PLOT_W


def distribution(
    values: Sequence[tuple[str, float]],
    baseline: Sequence[float] = (),
    lo: float = 0.0,
    hi: float = 1.0,
    bins: int = 10,
    label: str = "",
) -> Distribution:
    span = (hi - lo) or 1.0

    def x_of(v: float) -> float:
        return LEFT + (min(max(v, lo), hi) - lo) / span * PLOT_W

    def counts(vals: Iterable[float]) -> list[int]:
        c = [0] * bins
        for v in vals:
            i = int((min(max(v, lo), hi) - lo) / span * bins)
            c[min(i, bins - 1)] += 1
        return c

    head = counts(v for _, v in values)
    base = counts(baseline) if baseline else []
    peak = max([*head, *base, 1])
    bw = PLOT_W / bins
    d = Distribution(label)
    d.grid = [round(LEFT + i * bw, 1) for i in range(1, bins)]
    for i, n in enumerate(head):
        if n:
            bh = n / peak * HIST_H
            d.bars.append(
                {
                    "x": f"{LEFT + i * bw + 1:.1f}",
                    "y": f"{TOP + HIST_H - bh:.1f}",
                    "w": f"{bw - 2:.1f}",
                    "h": f"{bh:.1f}",
                    "title": f"{lo + i * span / bins:.1f}–{lo + (i + 1) * span / bins:.1f}: {n}",
                }
            )
    if base:
        path = [f"M{LEFT:.1f},{TOP + HIST_H}"]
        for i, n in enumerate(base):
            y = TOP + HIST_H - n / peak * HIST_H
            path.append(f"L{LEFT + i * bw:.1f},{y:.1f}L{LEFT + (i + 1) * bw:.1f},{y:.1f}")
        path.append(f"L{LEFT + PLOT_W:.1f},{TOP + HIST_H}")
        d.base_path = "".join(path)
    for i, (name, v) in enumerate(values):
        cy = STRIP_Y + STRIP_H / 2 + _jitter(i) * (STRIP_H / 2 - 3)
        d.dots.append({"cx": f"{x_of(v):.1f}", "cy": f"{cy:.1f}", "title": f"{name}: {v:.3f}"})
    if values:
        d.mean = sum(v for _, v in values) / len(values)
        d.mean_x = round(x_of(d.mean), 1)
    if baseline:
        d.base_mean = sum(baseline) / len(baseline)
        d.base_mean_x = round(x_of(d.base_mean), 1)
    d.ticks = [
        {"x": f"{x_of(v):.1f}", "anchor": anchor, "text": f"{v:g}"}
        for v, anchor in ((lo, "start"), ((lo + hi) / 2, "middle"), (hi, "end"))
    ]
    return d


@dataclass
class VerdictBars:
    w: int
    h: int
    rows: list[dict]  # y, id, shown, segments [{x, w, verdict, share}], present


def verdict_bars(rates: Sequence[tuple[str, Mapping[str, float]]]) -> VerdictBars:
    row_h, label_w, bar_w = 22, 150, 300
    rows = []
    for i, (fid, r) in enumerate(rates):
        segments = []
        x = float(label_w)
        for v in VERDICTS:
            share = float(r.get(v, 0.0))
            if share > 0:
                segments.append(
                    {
                        "x": f"{x:.1f}",
                        "w": f"{share * bar_w:.1f}",
                        "verdict": v,
                        "share": f"{share:.0%}",
                    }
                )
                x += share * bar_w
        rows.append(
            {
                "y": 2 + i * row_h,
                "id": fid,
                "shown": fid if len(fid) <= 22 else fid[:21] + "…",
                "segments": segments,
                "present": f"{float(r.get('present', 0.0)):.0%}",
                "label_x": label_w - 8,
                "tick_x": label_w + bar_w + 6,
                "bar_h": row_h - 8,
            }
        )
    return VerdictBars(label_w + bar_w + 48, max(1, len(rates)) * row_h + 4, rows)

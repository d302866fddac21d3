"""The benchmark's rows and ratios, and the Markdown tables it prints."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Row:
    target: str
    size: str
    ours: str
    baseline: str
    ratio: str
    goal: str
    met: str


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def size_label(size: tuple[int, int]) -> str:
    return f"{size[0]} / {size[1]}"


def ratio_row(
    target: str,
    size: tuple[int, int],
    ours: float,
    theirs: float,
    *,
    baseline: str,
    limit: float,
    show: Callable[[float], str] = ms,
) -> Row:
    ratio = ours / theirs if theirs else float("nan")
    return Row(
        target,
        size_label(size),
        show(ours),
        f"{show(theirs)} ({baseline})",
        f"{ratio:.2f}x",
        f"<= {limit}x",
        "yes" if ratio <= limit else "NO",
    )


def kib(value: float) -> str:
    return f"{value / 1024:.1f} MiB"


def render(rows: list[Row], growth: list[list[str]], command: str) -> str:
    head = ["target", "platforms / notes", "closure-tui", "baseline", "ratio", "goal", "met"]
    lines = [f"`{command}`", "", table(head, [list(vars(row).values()) for row in rows])]
    growth_head = ["T6 platforms / notes", "first frame", "peak RSS", "tick (service)", "CLI"]
    lines += ["", table(growth_head, growth)]
    return "\n".join(lines)


def table(head: list[str], body: list[list[str]]) -> str:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(row) + " |" for row in body]
    return "\n".join(out)

"""Bar charts drawn on the server as SVG: no script, no library, no CDN, nothing the strict CSP blocks.

Each bar carries its label and its value as text, so the chart reads without colour (and in a black-and-white
print); the table beside it holds the same numbers for screen readers, which are pointed there (the SVG has
`role="img"` and a label naming the table). Presentation attributes only (no `style`), so the page's
Content-Security-Policy (`style-src 'self'`) holds.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

ROW_HEIGHT = 26
LABEL_WIDTH = 300
BAR_WIDTH = 300
VALUE_WIDTH = 90
MAX_LABEL_CHARS = 42


def _number(value: float, unit: str) -> str:
    text = f"{value:.1f}".replace(".", ",") if isinstance(value, float) and not value.is_integer() else f"{int(value)}"
    return f"{text} {unit}".rstrip() if unit and unit != "%" else f"{text}{unit}"


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL_CHARS else label[: MAX_LABEL_CHARS - 1] + "…"


def bar_chart(labels: Sequence[str], values: Sequence[float], *, title: str, table_id: str, unit: str = "") -> Markup:
    """A horizontal bar chart of `values` (non-negative), one labelled bar per row."""
    count = len(values)
    height = max(1, count) * ROW_HEIGHT + 8
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    largest = max([float(v) for v in values if v is not None] or [0.0]) or 1.0
    parts = [
        f'<svg class="bo-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(title)}: de cijfers staan in de tabel ernaast" data-table="{escape(table_id)}">',
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = 4 + index * ROW_HEIGHT
        amount = float(value or 0)
        bar = round(BAR_WIDTH * amount / largest) if amount > 0 else 0
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 17}" text-anchor="end" font-size="13" fill="#1a1a1a">'
            f"{escape(_short(str(label)))}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{max(bar, 1)}" height="{ROW_HEIGHT - 8}" fill="#1b4f8a" '
            f'stroke="#123862" stroke-width="1"/>'
            f'<text x="{LABEL_WIDTH + max(bar, 1) + 6}" y="{y + 17}" font-size="13" fill="#1a1a1a">'
            f"{escape(_number(amount, unit))}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every text in it went through escape()

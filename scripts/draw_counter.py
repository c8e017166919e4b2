"""Draw the picture of the example course's hotspot question: a bank counter seen from the customer's side, with a
queue-number screen on the left, two service windows in the middle, a notice board on the right and the counter
top below them. Plain shapes, no text and no photo, so it is neutral and small; the question's areas (in percent of
the picture, quizzes/quiz-service-front.yml) are drawn around these shapes.

Usage: python scripts/draw_counter.py [docs/images/counter.svg] [more copies …]
"""

from __future__ import annotations

import sys
from pathlib import Path

WIDTH, HEIGHT = 800, 500

SHAPES = [
    # the wall
    '<rect width="800" height="500" fill="#f3efe6"/>',
    # queue-number screen (5–30 % across, 10–35 % down), with three lit rows
    '<rect x="40" y="50" width="200" height="125" rx="6" fill="#2f3b52"/>',
    '<rect x="60" y="72" width="160" height="18" rx="3" fill="#e0b84a"/>',
    '<rect x="60" y="103" width="120" height="18" rx="3" fill="#7fa7d9"/>',
    '<rect x="60" y="134" width="140" height="18" rx="3" fill="#7fa7d9"/>',
    # two service windows (35–59 % across, 20–55 % down)
    '<rect x="280" y="100" width="192" height="175" fill="#8a97a8"/>',
    '<rect x="290" y="110" width="80" height="155" fill="#cfe3ef"/>',
    '<rect x="382" y="110" width="80" height="155" fill="#cfe3ef"/>',
    # notice board (62–92 % across, 10–50 % down): a framed board with pinned sheets
    '<rect x="496" y="50" width="240" height="200" rx="4" fill="#8a6238"/>',
    '<rect x="506" y="60" width="220" height="180" fill="#c89b63"/>',
    '<rect x="520" y="74" width="90" height="70" fill="#ffffff"/>',
    '<rect x="622" y="74" width="90" height="110" fill="#fdf6d8"/>',
    '<rect x="520" y="156" width="90" height="70" fill="#ffffff"/>',
    '<rect x="530" y="86" width="70" height="6" fill="#9aa5b1"/>',
    '<rect x="530" y="100" width="60" height="6" fill="#9aa5b1"/>',
    '<rect x="632" y="86" width="70" height="6" fill="#9aa5b1"/>',
    # the counter top (55–100 % down)
    '<rect x="0" y="275" width="800" height="225" fill="#8fa3b8"/>',
    '<rect x="0" y="275" width="800" height="16" fill="#6f8399"/>',
]


def svg() -> str:
    """The picture as SVG text: the same bytes on every run, so the committed file is what this script draws."""
    body = "\n  ".join(SHAPES)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">\n'
            f"  {body}\n</svg>\n")


def main(targets: list[str]) -> None:
    for target in targets or ["docs/images/counter.svg"]:
        path = Path(target)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(svg(), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])

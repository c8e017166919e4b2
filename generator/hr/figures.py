"""Figures as HR reads them: the one rounding rule for a mean, which every output (page, workbook, CSV) shows as it is."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal


def rounded_mean(values: Sequence[int]) -> float | None:
    """The mean as every output shows it (quiz scores, ratings): one decimal, halves rounded up as HR rounds by hand
    (4.25 → 4.3, where Python's ``round`` gives 4.2), worked out in decimal so 4.35 is 4.35 and not 4.3499…
    The outputs show this figure as it is, so the page, the workbook and the CSV files agree."""
    if not values:
        return None
    return float((Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"), ROUND_HALF_UP))

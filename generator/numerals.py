"""Ordinals written in Chinese, as training outlines number their lectures and sections (第十二讲, 三、).

The renderer labels lectures and sections with them, and the importer writes an outline's numbers back the
same way; both sit above this module, so neither has to reach into the other for it.
"""

from __future__ import annotations

CHINESE_NUMERALS = "一二三四五六七八九十"


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五, 110 → 一百一十: ordinals as Chinese outlines write them.

    A long course library may number its lectures past a hundred; numbers of ten thousand and
    more are written in digits, as no outline counts that far.
    """
    if not 0 < n < 10_000:
        return str(n)
    if 10 <= n < 20:  # 十二, not 一十二, when the number starts with the tens
        return "十" + _chinese_below_10000(n % 10)
    return _chinese_below_10000(n)


def _chinese_below_10000(n: int) -> str:
    out, gap = "", False
    for unit, place in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        digit, n = divmod(n, place)
        if digit:
            out += ("零" if gap and out else "") + CHINESE_NUMERALS[digit - 1] + unit
            gap = False
        else:
            gap = True
    return out

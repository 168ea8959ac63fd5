"""Numbers as written in news text -> values. Pure; see tests for must-parse / must-not-parse."""

from __future__ import annotations

import re

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$|^\d*\.\d+$")


def parse_digits(text: str) -> float | None:
    """"1,417" -> 1417, "2914" -> 2914, "60.5" -> 60.5; None for "1,41", "2k", "one"."""
    text = text.strip()
    if not _DIGITS.match(text):
        return None
    return float(text.replace(",", ""))

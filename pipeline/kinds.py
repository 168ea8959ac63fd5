"""The five fact kinds, one word each, used unchanged by every layer.

The same word names the component module, the ``doc.spans`` key, the pattern file, the output
record's ``kind``, the key of the expected-facts file and the test file, so that following a
fact from text to score never needs a translation table.
"""

from __future__ import annotations

from typing import Final

YEAR_COUNTS: Final = "year_counts"
PERCENTAGES: Final = "percentages"
PEOPLE: Final = "people"
ORGANIZATIONS: Final = "organizations"
EVENTS: Final = "events"

KINDS: Final[tuple[str, ...]] = (YEAR_COUNTS, PERCENTAGES, PEOPLE, ORGANIZATIONS, EVENTS)

# The singular kinds written before version 0.2; still read (never written) for one release.
LEGACY_KINDS: Final[dict[str, str]] = {
    "year_count": YEAR_COUNTS,
    "percentage": PERCENTAGES,
    "person": PEOPLE,
    "organization": ORGANIZATIONS,
    "defection_event": EVENTS,
}

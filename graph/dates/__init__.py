"""Time expressions in English news, normalised against the article's publication date.

``normalise_time("last week", date(2024, 3, 11))`` returns a :class:`TimeValue` holding the inclusive interval
2024-03-04 .. 2024-03-10 with granularity ``"week"``; ``TimeValue.iso`` renders it for RDF (``xsd:date``,
``xsd:gYearMonth``, ``xsd:gYear`` or an ISO 8601 interval ``start/end``).

Parsing of single dates ("Sept. 28", "March 12, 2024", "two days ago", "last month", "2024-03-12") is left to
`dateparser <https://dateparser.readthedocs.io>`_ (``RELATIVE_BASE`` = publication date,
``PREFER_DATES_FROM`` = the tense). Thin rules cover what it has no notion of: intervals ("between 2010 and
2014", "from May to July"), "since" / "until" / "before" / "after", seasons, decades, quarters, weekends,
"early/mid/late X", "earlier/later this month" and "the past N weeks".

News conventions:

* a bare weekday or a month/day without a year is the nearest one in the tense's direction, the publication
  day included ("on Monday" in an article published on a Monday is that day); ``tense=None`` means ``"past"``;
* "next Monday" is the first Monday after the publication day, "last Monday" the last one before it;
* "Saturday (Sept. 28)": when the weekday does not fit the nearest Sept. 28 but fits the one in the other
  direction, the weekday wins;
* weeks run Monday to Sunday; seasons are meteorological (northern hemisphere): spring March-May, summer
  June-August, autumn/fall September-November, winter December-February, named by the year of its January;
* "since 2015" is 2015-01-01 .. publication day with ``open_end``; "until 2030" ends 2030-12-31 with
  ``open_start`` (its ``start`` is a placeholder: the publication day, or the start of the bound if earlier).

Without a publication date relative expressions ("last week", "on Monday", "in March") return None and
absolute ones ("March 12, 2024", "the 1990s") still work. Impossible dates ("February 30"), empty input, over
long input and text that is not a date return None; nothing raises.

dateparser is imported on first use (about 0.1-0.2 s); results are cached per (text, publication date, tense).

The parts: :mod:`~graph.dates.value` (:class:`TimeValue`, calendar arithmetic), :mod:`~graph.dates.vocabulary`,
:mod:`~graph.dates.parser` (dateparser), :mod:`~graph.dates.rules` (single expressions) and
:mod:`~graph.dates.operators` (intervals, since, until).
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Literal

from .operators import _resolve
from .rules import _Context
from .value import Granularity, Tense, TimeValue

__all__ = ["Granularity", "Tense", "TimeValue", "normalise_time"]

MAX_LENGTH = 200  # entity texts are short; anything longer is not a time expression

# two arbitrary, unrelated reference days: an expression is absolute when it means the same under both
_PROBE_BASES = (date(2001, 6, 13), date(2013, 2, 24))


@lru_cache(maxsize=4096)
def _cached(text: str, published: date | None, tense: Tense, date_order: str) -> TimeValue | None:
    if published is not None:
        return _resolve(text, _Context(published, tense, True, date_order))
    # no publication date: keep only what means the same whatever the reference day is
    a, b = (_resolve(text, _Context(base, tense, False, date_order)) for base in _PROBE_BASES)
    return a if a == b else None


def normalise_time(
    text: str,
    published: date | None,
    tense: Tense | None = None,
    *,
    date_order: Literal["MDY", "DMY"] = "MDY",
) -> TimeValue | None:
    """The interval ``text`` denotes, read against the publication date ``published``.

    ``tense`` ("past" or "future", default "past") chooses the direction of year-less weekdays, months, dates,
    seasons and quarters; ``date_order`` reads all-numeric dates ("03/04/2024") month first (US) or day first.
    Returns None for anything that is not a time expression it can place, never raises.
    """
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_LENGTH:
        return None
    if isinstance(published, datetime):
        published = published.date()
    if published is not None and not isinstance(published, date):
        return None
    try:
        value = _cached(text, published, tense or "past", date_order)
    except (ValueError, OverflowError, KeyError, IndexError, StopIteration):
        return None
    return value if value is None or value.start <= value.end else None

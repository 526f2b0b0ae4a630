"""The value a time expression normalises to (:class:`TimeValue`), and the calendar arithmetic of its
intervals (months, weeks, the spans the rules build).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Granularity = Literal["day", "week", "month", "quarter", "season", "year", "decade"]
Tense = Literal["past", "future"]

XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True)
class TimeValue:
    """An inclusive interval of days with the precision the text gave it."""

    text: str
    start: date
    end: date
    granularity: Granularity
    open_start: bool = False
    open_end: bool = False

    @property
    def iso(self) -> str:
        """ISO 8601 rendering: ``2024-03-12``, ``2024-03``, ``2024``, ``2024-03-04/2024-03-10``; an open side is ``..``."""
        if self.open_start or self.open_end:
            left = ".." if self.open_start else self.start.isoformat()
            right = ".." if self.open_end else self.end.isoformat()
            return f"{left}/{right}"
        kind = self._whole()
        if kind == "date":
            return self.start.isoformat()
        if kind == "gYearMonth":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        if kind == "gYear":
            return f"{self.start.year:04d}"
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    @property
    def xsd_datatype(self) -> str | None:
        """The XSD datatype IRI of :attr:`iso` (``xsd:date``, ``xsd:gYearMonth``, ``xsd:gYear``), None for an interval."""
        if self.open_start or self.open_end:
            return None
        kind = self._whole()
        return None if kind is None else XSD + kind

    def _whole(self) -> str | None:
        s, e = self.start, self.end
        if s == e:
            return "date"
        if s.day == 1 and e == _month_end(s.year, s.month) and (s.year, s.month) == (e.year, e.month):
            return "gYearMonth"
        if (s.month, s.day) == (1, 1) and (e.month, e.day) == (12, 31) and s.year == e.year:
            return "gYear"
        return None


# --- calendar helpers (stdlib arithmetic only) -----------------------------------------------------------------


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _week(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


@dataclass(frozen=True)
class _Span:
    start: date
    end: date
    granularity: Granularity

    def value(self, text: str, open_start: bool = False, open_end: bool = False) -> TimeValue:
        return TimeValue(text, self.start, self.end, self.granularity, open_start, open_end)


def _year(y: int) -> _Span:
    return _Span(date(y, 1, 1), date(y, 12, 31), "year")


def _month(y: int, m: int) -> _Span:
    return _Span(date(y, m, 1), _month_end(y, m), "month")


def _day(d: date) -> _Span:
    return _Span(d, d, "day")

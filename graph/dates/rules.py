"""The rules that place a single time expression (no interval operator) against the publication day:
decades, quarters, seasons, weekends, "early/mid/late X", "the past N weeks", "earlier this month",
times of day; the rest goes to dateparser (:mod:`graph.dates.parser`) with the news conventions of
:mod:`graph.dates` applied to its answer.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .parser import _dateparse
from .value import Granularity, Tense, _add_months, _day, _month, _month_end, _Span, _week, _year
from .vocabulary import (
    _DEICTIC,
    _MONTHS,
    _NUMBERS,
    _ORDINALS,
    _PART_OF_DAY,
    _PREPOSITIONS,
    _RELATIVE_WORDS,
    _SEASONS,
    _TIME_OF_DAY,
    _UNITS,
    _WEEKDAY_NAMES,
    _WEEKDAYS,
    _YEAR_RE,
)


@dataclass(frozen=True)
class _Context:
    base: date
    tense: Tense
    has_published: bool
    date_order: str


def _clean(text: str) -> str:
    s = text.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
    s = re.sub(r"\s+", " ", s).strip(' \t,;:.!?"')
    s = re.sub(r"(?<=[a-z])'s\b", "", s)  # "Monday's", "last year's"
    if s.endswith((" a.m", " p.m")):
        s += "."
    return s


def _strip_front(s: str) -> str:
    while True:
        t = _PREPOSITIONS.sub("", s)
        t = re.sub(r"^the\s+", "", t)
        if t == s:
            return s
        s = t


def _point(s: str, ctx: _Context) -> _Span | None:
    """A single time expression without interval operators."""
    s = _strip_front(s.strip(" ,"))
    if not s:
        return None
    for rule in (_decade, _quarter, _season, _weekend, _part, _past_n, _within_this, _year_thing, _time_only):
        span = rule(s, ctx)
        if span is not None:
            return span
    return _library(s, ctx)


def _library(s: str, ctx: _Context) -> _Span | None:
    # "Saturday (Sept. 28)" and "Saturday, Sept. 28": the date decides; the weekday only picks the year
    named_weekday: int | None = None
    m = re.match(rf"^({_WEEKDAYS})\s*[,(]\s*(.+?)\)?$", s)
    if m and re.search(rf"\b(?:{_MONTHS})|\d", m.group(2)):
        named_weekday = _WEEKDAY_NAMES.index(m.group(1)[:3])
        s = m.group(2)
    # "Monday night", "3 p.m. Monday": the day is what matters
    s = _TIME_OF_DAY.sub(" ", s)
    s = re.sub(r"\b(morning|afternoon|evening|night)\b", lambda g: "night" if g.group(1) == "night" else "", s)
    s = re.sub(r"\s+", " ", s).strip(" ,.")
    if s in ("", "night"):
        return None
    if s.endswith(" night") and s not in ("last night",):
        s = s[: -len(" night")]
    if re.fullmatch(r"'?\d+'?s", s):
        return None  # a decade _decade did not accept; dateparser would read "9999s" as seconds
    if re.fullmatch(r"(?:\d+|[a-z]+) (?:second|minute|hour|day|week|month|year|decade)s?", s) and s not in _DEICTIC:
        return None  # a duration ("five years"), not a time; dateparser would read it as "five years ago"
    if re.search(r"\bh[12]\b|\bhalf\b", s):
        return None  # halves of years are not modelled (dateparser reads "H1 2024" as January)
    s = re.sub(rf"^(?:early|late|earlier|later) (?={_WEEKDAYS}$)", "", s)  # AP style "early Tuesday"
    bare = not _RELATIVE_WORDS.search(s) and not _YEAR_RE.search(s)
    parsed = _dateparse(s, ctx.base, "past", ctx.date_order)
    if parsed is None:
        return None
    d, period = parsed
    if period == "year":
        return _year(d.year)
    if period == "month":
        if bare and ctx.tense == "future" and (d.year, d.month) < (ctx.base.year, ctx.base.month):
            return _month(d.year + 1, d.month)
        return _month(d.year, d.month)
    if period == "week":
        if re.search(r"\b(?:ago|from now|in)\b", s) or re.match(r"^\d|^(?:a|an|one|two|three|four)\b", s):
            return _day(d)  # "a week ago", "in two weeks": a day, not a calendar week
        return _Span(*_week(d), "week")
    if bare:
        weekday_only = re.fullmatch(_WEEKDAYS, s) is not None
        if weekday_only:
            if (ctx.base - d).days == 7:
                d = ctx.base  # same weekday as the publication day: that day
            if ctx.tense == "future" and d < ctx.base:
                d += timedelta(days=7)
        else:
            later = _next_anniversary(d, ctx.base)
            if ctx.tense == "future" and d < ctx.base:
                d, later = later or d, d  # the nearest one ahead; the one behind is the alternative
            if (
                named_weekday is not None
                and d.weekday() != named_weekday
                and later
                and later.weekday() == named_weekday
            ):
                d = later  # "Saturday (Sept. 28)": the weekday says which Sept. 28
            elif ctx.tense == "future" and d < ctx.base:
                return None
    return _day(d)


def _next_anniversary(d: date, base: date) -> date | None:
    for year in range(base.year, base.year + 9):
        try:
            candidate = date(year, d.month, d.day)
        except ValueError:
            continue
        if candidate >= base:
            return candidate
    return None


def _decade(s: str, ctx: _Context) -> _Span | None:
    m = re.fullmatch(r"(early|mid|late)?[- ]?(?:(\d{3})0|'?(\d)0)'?s", s)
    if not m:
        return None
    if m.group(2):
        first = int(m.group(2)) * 10
        if not 1000 <= first <= 2990:
            return None
    else:
        if not ctx.has_published:
            return None  # "the '90s" needs a century
        first = (ctx.base.year // 100) * 100 + int(m.group(3)) * 10
        if first > ctx.base.year:
            first -= 100
    lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (7, 9), None: (0, 9)}[m.group(1)]
    return _Span(date(first + lo, 1, 1), date(first + hi, 12, 31), "decade")


def _quarter_span(year: int, q: int) -> _Span:
    return _Span(date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter")


def _quarter(s: str, ctx: _Context) -> _Span | None:
    current = (ctx.base.month - 1) // 3 + 1
    m = re.fullmatch(r"(last|this|next|previous|current) quarter", s)
    if m:
        shift = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1}[m.group(1)]
        y, mo = _add_months(ctx.base.year, 3 * current - 2, 3 * shift)
        return _quarter_span(y, (mo - 1) // 3 + 1)
    m = re.fullmatch(
        r"(?:(first|second|third|fourth|final|1st|2nd|3rd|4th) quarter|q([1-4]))"
        r"(?:(?: of| of fiscal|,)? (\d{4})| (?:of )?(this|last|next) year)?",
        s,
    )
    if not m:
        return None
    q = _ORDINALS[m.group(1)] if m.group(1) else int(m.group(2))
    if m.group(3):
        return _quarter_span(int(m.group(3)), q)
    if m.group(4):
        return _quarter_span(ctx.base.year + {"this": 0, "last": -1, "next": 1}[m.group(4)], q)
    span = _quarter_span(ctx.base.year, q)
    if ctx.tense == "future":
        return span if span.end >= ctx.base else _quarter_span(ctx.base.year + 1, q)
    return span if span.start <= ctx.base else _quarter_span(ctx.base.year - 1, q)


def _season_span(name: str, year: int) -> _Span:
    first = _SEASONS[name]
    if first == 12:  # winter is named by the year of its January
        return _Span(date(year - 1, 12, 1), _month_end(year, 2), "season")
    return _Span(date(year, first, 1), _month_end(year, first + 2), "season")


def _season(s: str, ctx: _Context) -> _Span | None:
    m = re.fullmatch(r"(?:(this|last|next|past|coming|early|late|mid)[- ])?(spring|summer|autumn|fall|winter)"
                     r"(?:,? (?:of )?(\d{4})(?:-(\d{2}))?)?", s)  # fmt: skip
    if not m:
        m2 = re.fullmatch(r"(\d{4}) (spring|summer|autumn|fall|winter)", s)
        if not m2:
            return None
        return _season_span(m2.group(2), int(m2.group(1)) + (1 if m2.group(2) == "winter" else 0))
    which, name, year = m.group(1), m.group(2), m.group(3)
    if year:
        y = int(year) + (1 if name == "winter" else 0)  # "winter 2023" / "winter of 2023-24" begins December 2023
        span = _season_span(name, y)
    else:
        b = ctx.base
        candidates = [_season_span(name, y) for y in range(b.year - 2, b.year + 3)]
        containing = [c for c in candidates if c.start <= b <= c.end]
        before = [c for c in candidates if c.end < b]
        after = [c for c in candidates if c.start > b]
        if which in ("last", "past"):
            span = before[-1]
        elif which in ("next", "coming"):
            span = after[0]
        elif containing:
            span = containing[0]
        elif which == "this":
            # the one in the publication year (winter: the one whose December is in it)
            span = next(c for c in candidates if c.start.year == b.year)
        else:
            span = after[0] if ctx.tense == "future" else before[-1]
    if which in ("early", "late", "mid"):
        y, mo = span.start.year, span.start.month
        k = {"early": 0, "mid": 1, "late": 2}[which]
        y, mo = _add_months(y, mo, k)
        return _Span(date(y, mo, 1), _month_end(y, mo), "season")
    return span


def _weekend(s: str, ctx: _Context) -> _Span | None:
    m = re.fullmatch(r"(?:(last|this|next|past|coming|this past) )?weekend", s)
    if not m:
        return None
    b = ctx.base
    sat_this = b + timedelta(days=5 - b.weekday())  # Saturday of the publication week (Mon-Sun)
    which = m.group(1)
    if which in ("last", "past"):
        sat = sat_this - timedelta(days=7)
    elif which in ("next", "coming"):
        sat = sat_this + timedelta(days=7) if b.weekday() >= 5 else sat_this
    elif which == "this" or (ctx.tense == "future" and which is None):
        sat = sat_this
    else:  # "over the weekend" / "this past weekend" in past-tense news: the one just gone (or under way)
        sat = sat_this if b.weekday() >= 5 else sat_this - timedelta(days=7)
    return _Span(sat, sat + timedelta(days=1), "week")


def _part(s: str, ctx: _Context) -> _Span | None:
    """early / mid / late + month, year or month year."""
    m = re.fullmatch(r"(?:(early|mid|late)[- ]|(?:the )?(beginning|start|middle|end) of )(.+)", s)
    if not m:
        return None
    part = m.group(1) or {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}[m.group(2)]
    rest = {"the year": "this year", "year": "this year", "the month": "this month", "month": "this month"}
    inner = _point(rest.get(m.group(3), m.group(3)), ctx)
    if inner is None or inner not in (_year(inner.start.year), _month(inner.start.year, inner.start.month)):
        return None  # only a whole month or year has an early, middle and late part
    if inner.granularity == "year":
        y = inner.start.year
        lo, hi = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
        return _Span(date(y, lo, 1), _month_end(y, hi), "year")
    y, mo = inner.start.year, inner.start.month
    lo2, hi2 = {"early": (1, 10), "mid": (11, 20), "late": (21, inner.end.day)}[part]
    return _Span(date(y, mo, lo2), date(y, mo, hi2), "month")


def _past_n(s: str, ctx: _Context) -> _Span | None:
    """ "the past two weeks", "the last three years", "the past year", "the next 10 days"."""
    m = re.fullmatch(r"(past|last|previous|next|coming)(?: (\d+|[a-z]+(?: of)?))? (day|week|month|year|decade)s?", s)
    if not m:
        return None
    count = m.group(2)
    if count is None:
        if m.group(1) == "previous":
            return None  # "the previous day": relative to the story's time, not the publication day
        if m.group(1) in ("last", "next") and m.group(3) != "decade":
            return None  # "last week", "next year": calendar units, the library's
        n = 1
    elif count.isdigit():
        n = int(count)
    elif count in _NUMBERS:
        n = _NUMBERS[count]
    else:
        return None
    unit = m.group(3)
    months = {"month": 1, "year": 12, "decade": 120}.get(unit, 0) * n
    days = {"day": 1, "week": 7}.get(unit, 0) * n
    b = ctx.base
    forward = m.group(1) in ("next", "coming")
    if months:
        y, mo = _add_months(b.year, b.month, months if forward else -months)
        other = date(y, mo, min(b.day, calendar.monthrange(y, mo)[1]))
    else:
        other = b + timedelta(days=days if forward else -days)
    gran: Granularity = "day" if unit == "day" else _UNITS[unit]
    return _Span(b, other, gran) if forward else _Span(other, b, gran)


def _within_this(s: str, ctx: _Context) -> _Span | None:
    """ "earlier this month", "later this year", "earlier in the week", "this week"."""
    m = re.fullmatch(r"(earlier|later|early|late)? ?(?:this|in the|the current) (week|month|year)", s)
    if not m or (m.group(1) is None and m.group(2) == "week" and s.startswith("in the")):
        return None
    b = ctx.base
    unit = m.group(2)
    if unit == "week":
        whole = _Span(*_week(b), "week")
    elif unit == "month":
        whole = _month(b.year, b.month)
    else:
        whole = _year(b.year)
    if m.group(1) in ("earlier", "early"):
        return _Span(whole.start, b, whole.granularity)
    if m.group(1) in ("later", "late"):
        return _Span(b, whole.end, whole.granularity)
    return whole


def _year_thing(s: str, ctx: _Context) -> _Span | None:
    """ "the 2022 season", "fiscal 2023", "the year 2019", "2019"."""
    m2 = re.fullmatch(r"(?:fiscal |fy ?|class of )?'(\d\d)", s)
    if m2:  # "'24": the century closest to the publication year
        if not ctx.has_published:
            return None
        y = (ctx.base.year // 100) * 100 + int(m2.group(1))
        return _year(min((y - 100, y, y + 100), key=lambda c: abs(c - ctx.base.year)))
    m = re.fullmatch(r"(?:the )?(?:fiscal |fy ?|calendar |year |the year )?(\d{4})(?: (?:season|campaign|edition|"
                     r"budget|election|elections|census|games|olympics|world cup|tournament|fiscal year|financial year))?",
                     s)  # fmt: skip
    if not m:
        return None
    y = int(m.group(1))
    if not 1000 <= y <= 2999:
        return None
    return _year(y)


def _time_only(s: str, ctx: _Context) -> _Span | None:
    """ "3 p.m.", "this morning", "tonight": the publication day."""
    if s in ("tonight", "today", "this morning", "this afternoon", "this evening", "now") or _PART_OF_DAY.fullmatch(s):
        return _day(ctx.base)
    if _TIME_OF_DAY.fullmatch(s):
        return _day(ctx.base)
    return None

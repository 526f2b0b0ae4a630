"""The operators around single time expressions: intervals ("from May to July 2019", "2010-14"),
"since" / "after" (open end) and "until" / "before" (open start); :func:`_resolve` reads a whole expression.
"""

from __future__ import annotations

import re
from datetime import timedelta

from .rules import _clean, _Context, _point
from .value import TimeValue, _Span
from .vocabulary import _MONTHS, _YEAR_RE


def _has_year(s: str) -> bool:
    return bool(_YEAR_RE.search(s)) or bool(re.search(r"\d0'?s\b", s))


def _interval(left: str, right: str, ctx: _Context) -> _Span | None:
    """Both ends, years carried over: "from May to July 2019", "between December and February"."""
    lhs, rhs = left.strip(), right.strip()
    if re.fullmatch(r"\d{2}", rhs) and re.fullmatch(r"\d{4}", lhs):  # "2010-14"
        rhs = lhs[:2] + rhs
    if re.fullmatch(r"\d{1,2}", rhs) and re.fullmatch(rf"(?:{_MONTHS}) \d{{1,2}}", lhs):  # "March 3-5"
        rhs = lhs.split()[0] + " " + rhs
    m = re.fullmatch(rf"(\d{{1,2}}) ((?:{_MONTHS})(?: \d{{4}})?)", rhs)
    if m and re.fullmatch(r"\d{1,2}", lhs):  # "3-5 March 2024"
        lhs = lhs + " " + m.group(2)
    m = re.fullmatch(rf"((?:{_MONTHS}) )?(\d{{1,2}}),? (\d{{4}})", rhs)
    if m and re.fullmatch(rf"(?:{_MONTHS}) \d{{1,2}}", lhs):  # "March 3 to 5, 2024" / "March 3 to April 5, 2024"
        lhs = f"{lhs} {m.group(3)}"
        if not m.group(1):
            rhs = f"{lhs.split()[0]} {m.group(2)} {m.group(3)}"
    if _has_year(lhs):
        a = _point(lhs, ctx)
        b = _point(rhs, _Context(a.start, "future", ctx.has_published, ctx.date_order)) if a else None
    elif _has_year(rhs):
        b = _point(rhs, ctx)
        a = _point(lhs, _Context(b.end, "past", ctx.has_published, ctx.date_order)) if b else None
    elif ctx.tense == "future":
        a = _point(lhs, ctx)
        b = _point(rhs, _Context(a.start, "future", ctx.has_published, ctx.date_order)) if a else None
    else:
        b = _point(rhs, ctx)
        a = _point(lhs, _Context(b.end, "past", ctx.has_published, ctx.date_order)) if b else None
    if a is None or b is None or b.end < a.start:
        return None
    return _Span(a.start, b.end, a.granularity)


def _resolve(text: str, ctx: _Context) -> TimeValue | None:
    s = _clean(text)
    if not s:
        return None
    s = re.sub(r"^(?:ever|all the way|as far back as|going back to)\s+", "", s)
    m = re.fullmatch(r"(?:from|between) (.+?) (?:to|and|until|till|through|thru|-) (.+)", s) or re.fullmatch(
        r"(?:in |during |over |the )?(.+?)(?: (?:to|through|thru|-) |-)(.+)", s
    )
    if m and not re.fullmatch(r"\d{4}-\d\d-\d\d|\d{1,2}-\d{1,2}-\d{2,4}", s):
        span = _interval(m.group(1), m.group(2), ctx)
        if span is not None:
            return span.value(text)
        if s.startswith(("from ", "between ")):
            return None
    m = re.fullmatch(r"(since|after|from|starting(?: in| from)?|beginning(?: in)?) (.+)", s)
    if m:
        inner = _point(m.group(2), ctx)
        if inner is None:
            return None
        start = inner.end + timedelta(days=1) if m.group(1) == "after" else inner.start
        # open towards the publication day; without one (or for a future start) the bound's own end stands in
        end = ctx.base if ctx.has_published and ctx.base >= start else max(inner.end, start)
        return TimeValue(text, start, end, inner.granularity, False, True)
    m = re.fullmatch(r"(until|till|til|through|by|up to|before|prior to|no later than) (.+)", s)
    if m:
        inner = _point(m.group(2), ctx)
        if inner is None:
            return None
        end = inner.start - timedelta(days=1) if m.group(1) in ("before", "prior to") else inner.end
        start = ctx.base if ctx.has_published and ctx.base <= end else inner.start
        return TimeValue(text, min(start, end), end, inner.granularity, True, False)
    span = _point(s, ctx)
    return None if span is None else span.value(text)

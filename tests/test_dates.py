"""graph.dates: news time expressions normalised against the publication date.

Every case's interval was worked out by hand from a calendar under the conventions in graph/dates.py's
docstring (weeks Monday-Sunday, meteorological seasons, "early/mid/late" decade = years 0-3 / 3-6 / 7-9,
"early/mid/late" year = months 1-4 / 5-8 / 9-12, "early/mid/late" month = days 1-10 / 11-20 / 21-end).

CASES are asserted exactly. XFAIL lists, with the reason, the expressions the module gets wrong or cannot read;
they are run as strict xfails so a fix shows up. ``test_accuracy`` prints correct/total over both lists.

Publication dates: a Monday, a Sunday, 1 January, 29 February of a leap year, 31 December.
"""

from __future__ import annotations

import time
from datetime import date

import pytest

from graph.dates import TimeValue, normalise_time

MON = date(2024, 3, 11)  # Monday
SUN = date(2024, 3, 10)  # Sunday
JAN1 = date(2024, 1, 1)  # Monday, New Year's Day
LEAP = date(2024, 2, 29)  # Thursday, leap day
DEC31 = date(2024, 12, 31)  # Tuesday, New Year's Eve

Case = tuple[str, date | None, str | None, str | None, str | None, str | None]

# (text, publication date, tense, start, end, granularity); start None = expected None
CASES: list[Case] = [
    # --- weekdays: most recent on or before publication (past), next on or after (future) ---------------------
    ("on Monday", MON, None, "2024-03-11", "2024-03-11", "day"),
    ("Monday", MON, "future", "2024-03-11", "2024-03-11", "day"),
    ("on Tuesday", MON, None, "2024-03-05", "2024-03-05", "day"),
    ("Tuesday", MON, "future", "2024-03-12", "2024-03-12", "day"),
    ("on Sunday", MON, None, "2024-03-10", "2024-03-10", "day"),
    ("next Monday", MON, None, "2024-03-18", "2024-03-18", "day"),
    ("last Monday", MON, None, "2024-03-04", "2024-03-04", "day"),
    ("next Tuesday", MON, None, "2024-03-12", "2024-03-12", "day"),
    ("last Friday", MON, None, "2024-03-08", "2024-03-08", "day"),
    ("on Sunday", SUN, None, "2024-03-10", "2024-03-10", "day"),
    ("Sunday", SUN, "future", "2024-03-10", "2024-03-10", "day"),
    ("on Saturday", SUN, None, "2024-03-09", "2024-03-09", "day"),
    ("on Monday", SUN, None, "2024-03-04", "2024-03-04", "day"),
    ("Monday", SUN, "future", "2024-03-11", "2024-03-11", "day"),
    ("on Monday", JAN1, None, "2024-01-01", "2024-01-01", "day"),
    ("on Sunday", JAN1, None, "2023-12-31", "2023-12-31", "day"),
    ("on Thursday", LEAP, None, "2024-02-29", "2024-02-29", "day"),
    ("on Friday", LEAP, None, "2024-02-23", "2024-02-23", "day"),
    ("Friday", LEAP, "future", "2024-03-01", "2024-03-01", "day"),
    ("on Tuesday", DEC31, None, "2024-12-31", "2024-12-31", "day"),
    ("on Monday", DEC31, None, "2024-12-30", "2024-12-30", "day"),
    ("Wednesday", DEC31, "future", "2025-01-01", "2025-01-01", "day"),
    ("Monday night", LEAP, None, "2024-02-26", "2024-02-26", "day"),
    ("at 3 p.m. Monday", LEAP, None, "2024-02-26", "2024-02-26", "day"),
    ("3 p.m. Monday", MON, None, "2024-03-11", "2024-03-11", "day"),
    ("from Monday to Wednesday", LEAP, None, "2024-02-26", "2024-02-28", "day"),
    ("early Tuesday", MON, None, "2024-03-05", "2024-03-05", "day"),  # AP style: early in the day
    ("Monday's", LEAP, None, "2024-02-26", "2024-02-26", "day"),
    # --- deictic days ------------------------------------------------------------------------------------------
    ("yesterday", MON, None, "2024-03-10", "2024-03-10", "day"),
    ("today", MON, None, "2024-03-11", "2024-03-11", "day"),
    ("tomorrow", MON, None, "2024-03-12", "2024-03-12", "day"),
    ("tonight", MON, None, "2024-03-11", "2024-03-11", "day"),
    ("this morning", MON, None, "2024-03-11", "2024-03-11", "day"),
    ("last night", MON, None, "2024-03-10", "2024-03-10", "day"),
    ("3 p.m.", MON, None, "2024-03-11", "2024-03-11", "day"),
    ("yesterday", JAN1, None, "2023-12-31", "2023-12-31", "day"),
    ("tomorrow", LEAP, None, "2024-03-01", "2024-03-01", "day"),
    ("two days ago", MON, None, "2024-03-09", "2024-03-09", "day"),
    ("two days ago", DEC31, None, "2024-12-29", "2024-12-29", "day"),
    ("a week ago", MON, None, "2024-03-04", "2024-03-04", "day"),
    ("three weeks ago", MON, None, "2024-02-19", "2024-02-19", "day"),
    # --- weeks -------------------------------------------------------------------------------------------------
    ("last week", MON, None, "2024-03-04", "2024-03-10", "week"),
    ("this week", MON, None, "2024-03-11", "2024-03-17", "week"),
    ("next week", MON, None, "2024-03-18", "2024-03-24", "week"),
    ("last week", SUN, None, "2024-02-26", "2024-03-03", "week"),
    ("this week", SUN, None, "2024-03-04", "2024-03-10", "week"),
    ("last week", JAN1, None, "2023-12-25", "2023-12-31", "week"),
    ("this week", LEAP, None, "2024-02-26", "2024-03-03", "week"),
    ("earlier this week", LEAP, None, "2024-02-26", "2024-02-29", "week"),
    ("later this week", LEAP, None, "2024-02-29", "2024-03-03", "week"),
    ("next week", DEC31, None, "2025-01-06", "2025-01-12", "week"),
    ("this week", DEC31, None, "2024-12-30", "2025-01-05", "week"),
    ("over the weekend", MON, None, "2024-03-09", "2024-03-10", "week"),
    ("over the weekend", SUN, None, "2024-03-09", "2024-03-10", "week"),
    ("last weekend", SUN, None, "2024-03-02", "2024-03-03", "week"),
    ("this weekend", LEAP, None, "2024-03-02", "2024-03-03", "week"),
    ("next weekend", SUN, None, "2024-03-16", "2024-03-17", "week"),
    ("this past weekend", MON, None, "2024-03-09", "2024-03-10", "week"),
    ("the past two weeks", MON, None, "2024-02-26", "2024-03-11", "week"),
    # --- months ------------------------------------------------------------------------------------------------
    ("earlier this month", MON, None, "2024-03-01", "2024-03-11", "month"),
    ("later this month", MON, None, "2024-03-11", "2024-03-31", "month"),
    ("earlier this month", JAN1, None, "2024-01-01", "2024-01-01", "month"),
    ("earlier this month", LEAP, None, "2024-02-01", "2024-02-29", "month"),
    ("later this month", DEC31, None, "2024-12-31", "2024-12-31", "month"),
    ("last month", MON, None, "2024-02-01", "2024-02-29", "month"),
    ("this month", MON, None, "2024-03-01", "2024-03-31", "month"),
    ("next month", MON, None, "2024-04-01", "2024-04-30", "month"),
    ("last month", JAN1, None, "2023-12-01", "2023-12-31", "month"),
    ("last month", LEAP, None, "2024-01-01", "2024-01-31", "month"),
    ("next month", LEAP, None, "2024-03-01", "2024-03-31", "month"),
    ("next month", DEC31, None, "2025-01-01", "2025-01-31", "month"),
    ("three months ago", MON, None, "2023-12-01", "2023-12-31", "month"),
    ("in March", MON, None, "2024-03-01", "2024-03-31", "month"),
    ("in March", MON, "future", "2024-03-01", "2024-03-31", "month"),
    ("in April", MON, None, "2023-04-01", "2023-04-30", "month"),
    ("in April", MON, "future", "2024-04-01", "2024-04-30", "month"),
    ("in February", MON, "future", "2025-02-01", "2025-02-28", "month"),
    ("in December", MON, None, "2023-12-01", "2023-12-31", "month"),
    ("in December", JAN1, None, "2023-12-01", "2023-12-31", "month"),
    ("in January", JAN1, None, "2024-01-01", "2024-01-31", "month"),
    ("in March", JAN1, None, "2023-03-01", "2023-03-31", "month"),
    ("in March", JAN1, "future", "2024-03-01", "2024-03-31", "month"),
    ("in March", LEAP, None, "2023-03-01", "2023-03-31", "month"),
    ("in March", LEAP, "future", "2024-03-01", "2024-03-31", "month"),
    ("in January", DEC31, "future", "2025-01-01", "2025-01-31", "month"),
    ("in January", DEC31, None, "2024-01-01", "2024-01-31", "month"),
    ("in March 2019", MON, None, "2019-03-01", "2019-03-31", "month"),
    ("March of 2019", MON, None, "2019-03-01", "2019-03-31", "month"),
    ("Feb. 2020", MON, None, "2020-02-01", "2020-02-29", "month"),
    ("late March", MON, None, "2024-03-21", "2024-03-31", "month"),
    ("early March", MON, None, "2024-03-01", "2024-03-10", "month"),
    ("mid-March 2019", MON, None, "2019-03-11", "2019-03-20", "month"),
    ("since March", MON, None, "2024-03-01", "2024-03-11", "month"),
    ("from May to July", MON, None, "2023-05-01", "2023-07-31", "month"),
    ("from May to July", MON, "future", "2024-05-01", "2024-07-31", "month"),
    ("from May to July 2019", MON, None, "2019-05-01", "2019-07-31", "month"),
    ("between December and February", MON, None, "2023-12-01", "2024-02-29", "month"),
    ("from December 2019 to March", MON, None, "2019-12-01", "2020-03-31", "month"),
    # --- month and day without a year --------------------------------------------------------------------------
    ("on Sept. 28", MON, None, "2023-09-28", "2023-09-28", "day"),
    ("Sept. 28", MON, "future", "2024-09-28", "2024-09-28", "day"),
    ("on 12 March", MON, None, "2023-03-12", "2023-03-12", "day"),
    ("on 11 March", MON, None, "2024-03-11", "2024-03-11", "day"),
    ("March 12th", MON, None, "2023-03-12", "2023-03-12", "day"),
    ("March 12", MON, "future", "2024-03-12", "2024-03-12", "day"),
    ("Dec. 31", JAN1, None, "2023-12-31", "2023-12-31", "day"),
    ("Feb. 29", JAN1, None, "2020-02-29", "2020-02-29", "day"),
    ("Feb. 29", JAN1, "future", "2024-02-29", "2024-02-29", "day"),
    ("Feb. 29", LEAP, None, "2024-02-29", "2024-02-29", "day"),
    ("Feb. 29", LEAP, "future", "2024-02-29", "2024-02-29", "day"),
    ("Dec. 31", DEC31, None, "2024-12-31", "2024-12-31", "day"),
    ("Dec. 31", DEC31, "future", "2024-12-31", "2024-12-31", "day"),
    ("Jan. 1", DEC31, "future", "2025-01-01", "2025-01-01", "day"),
    ("Saturday (Sept. 28)", DEC31, None, "2024-09-28", "2024-09-28", "day"),
    ("Saturday, Sept. 28", DEC31, None, "2024-09-28", "2024-09-28", "day"),
    ("Saturday (Sept. 28)", MON, None, "2024-09-28", "2024-09-28", "day"),  # the weekday picks the year
    ("Thursday, Sept. 28", MON, None, "2023-09-28", "2023-09-28", "day"),
    ("Thursday, Sept. 28", MON, "future", "2023-09-28", "2023-09-28", "day"),
    ("Friday, Sept. 27", MON, "future", "2024-09-27", "2024-09-27", "day"),
    ("since Monday", LEAP, None, "2024-02-26", "2024-02-29", "day"),
    # --- absolute dates: US and UK orders, ISO, numeric -----------------------------------------------------------
    ("March 12, 2024", MON, None, "2024-03-12", "2024-03-12", "day"),
    ("12 March 2024", MON, None, "2024-03-12", "2024-03-12", "day"),
    ("on 12th March 2024", MON, None, "2024-03-12", "2024-03-12", "day"),
    ("Tuesday, March 12, 2024", MON, None, "2024-03-12", "2024-03-12", "day"),
    ("2024-03-12", MON, None, "2024-03-12", "2024-03-12", "day"),
    ("3/12/2024", MON, None, "2024-03-12", "2024-03-12", "day"),
    ("Sept. 28, 2019", MON, None, "2019-09-28", "2019-09-28", "day"),
    ("on Sept 28 2019", MON, None, "2019-09-28", "2019-09-28", "day"),
    ("February 29, 2024", JAN1, None, "2024-02-29", "2024-02-29", "day"),
    ("March 3-5, 2024", MON, None, "2024-03-03", "2024-03-05", "day"),
    ("3-5 March 2024", MON, None, "2024-03-03", "2024-03-05", "day"),
    ("March 12, 2031", MON, None, "2031-03-12", "2031-03-12", "day"),  # future dates are allowed
    ("February 30", MON, None, None, None, None),
    ("February 29, 2023", MON, None, None, None, None),
    ("31 April 2024", MON, None, None, None, None),
    # --- years -------------------------------------------------------------------------------------------------
    ("in 2019", MON, None, "2019-01-01", "2019-12-31", "year"),
    ("2019", MON, None, "2019-01-01", "2019-12-31", "year"),
    ("last year", MON, None, "2023-01-01", "2023-12-31", "year"),
    ("this year", MON, None, "2024-01-01", "2024-12-31", "year"),
    ("next year", MON, None, "2025-01-01", "2025-12-31", "year"),
    ("last year", JAN1, None, "2023-01-01", "2023-12-31", "year"),
    ("this year", JAN1, None, "2024-01-01", "2024-12-31", "year"),
    ("next year", DEC31, None, "2025-01-01", "2025-12-31", "year"),
    ("two years ago", MON, None, "2022-01-01", "2022-12-31", "year"),
    ("a year ago", LEAP, None, "2023-01-01", "2023-12-31", "year"),
    ("earlier this year", MON, None, "2024-01-01", "2024-03-11", "year"),
    ("the 2022 season", MON, None, "2022-01-01", "2022-12-31", "year"),
    ("fiscal 2023", MON, None, "2023-01-01", "2023-12-31", "year"),
    ("'24", MON, None, "2024-01-01", "2024-12-31", "year"),
    ("the class of '98", MON, None, "1998-01-01", "1998-12-31", "year"),
    ("last year's", MON, None, "2023-01-01", "2023-12-31", "year"),
    ("five years", MON, None, None, None, None),  # a duration, not a time
    ("the previous day", MON, None, None, None, None),  # anaphoric: relative to the story, not publication
    ("the last decade", MON, None, "2014-03-11", "2024-03-11", "decade"),
    ("late 2023", MON, None, "2023-09-01", "2023-12-31", "year"),
    ("early 2024", MON, None, "2024-01-01", "2024-04-30", "year"),
    ("since 2015", MON, None, "2015-01-01", "2024-03-11", "year"),
    ("since 2015", DEC31, None, "2015-01-01", "2024-12-31", "year"),
    ("between 2010 and 2014", MON, None, "2010-01-01", "2014-12-31", "year"),
    ("from 2010 to 2014", MON, None, "2010-01-01", "2014-12-31", "year"),
    ("2010-2014", MON, None, "2010-01-01", "2014-12-31", "year"),
    ("2010\u201314", MON, None, "2010-01-01", "2014-12-31", "year"),
    ("the past year", MON, None, "2023-03-11", "2024-03-11", "year"),
    ("the last three years", MON, None, "2021-03-11", "2024-03-11", "year"),
    ("the next 10 days", MON, None, "2024-03-11", "2024-03-21", "day"),
    ("by the end of the year", MON, None, "2024-03-11", "2024-12-31", "year"),  # open_start: start is a placeholder
    ("at the end of 2019", MON, None, "2019-09-01", "2019-12-31", "year"),
    ("the beginning of 2020", MON, None, "2020-01-01", "2020-04-30", "year"),
    ("the middle of the year", MON, None, "2024-05-01", "2024-08-31", "year"),
    ("the end of March", MON, None, "2024-03-21", "2024-03-31", "month"),
    ("starting in 2020", MON, None, "2020-01-01", "2024-03-11", "year"),
    # --- decades -----------------------------------------------------------------------------------------------
    ("in the 1990s", MON, None, "1990-01-01", "1999-12-31", "decade"),
    ("the 1980s", MON, None, "1980-01-01", "1989-12-31", "decade"),
    ("the '90s", MON, None, "1990-01-01", "1999-12-31", "decade"),
    ("the 2000s", MON, None, "2000-01-01", "2009-12-31", "decade"),
    ("the early 1990s", MON, None, "1990-01-01", "1993-12-31", "decade"),
    ("mid-1990s", MON, None, "1993-01-01", "1996-12-31", "decade"),
    ("the late 1990s", MON, None, "1997-01-01", "1999-12-31", "decade"),
    # --- seasons -----------------------------------------------------------------------------------------------
    ("this spring", MON, None, "2024-03-01", "2024-05-31", "season"),
    ("last spring", MON, None, "2023-03-01", "2023-05-31", "season"),
    ("next spring", MON, None, "2025-03-01", "2025-05-31", "season"),
    ("this summer", MON, None, "2024-06-01", "2024-08-31", "season"),
    ("last summer", MON, None, "2023-06-01", "2023-08-31", "season"),
    ("in the summer", MON, "future", "2024-06-01", "2024-08-31", "season"),
    ("in the summer", MON, None, "2023-06-01", "2023-08-31", "season"),
    ("last winter", MON, None, "2023-12-01", "2024-02-29", "season"),
    ("this winter", JAN1, None, "2023-12-01", "2024-02-29", "season"),
    ("last winter", JAN1, None, "2022-12-01", "2023-02-28", "season"),
    ("this winter", LEAP, None, "2023-12-01", "2024-02-29", "season"),
    ("this winter", DEC31, None, "2024-12-01", "2025-02-28", "season"),
    ("spring 2020", MON, None, "2020-03-01", "2020-05-31", "season"),
    ("the fall of 2019", MON, None, "2019-09-01", "2019-11-30", "season"),
    ("autumn 2019", MON, None, "2019-09-01", "2019-11-30", "season"),
    # --- quarters ----------------------------------------------------------------------------------------------
    ("in the first quarter", MON, None, "2024-01-01", "2024-03-31", "quarter"),
    ("in the second quarter", MON, None, "2023-04-01", "2023-06-30", "quarter"),
    ("the second quarter", MON, "future", "2024-04-01", "2024-06-30", "quarter"),
    ("in the fourth quarter", JAN1, None, "2023-10-01", "2023-12-31", "quarter"),
    ("in the fourth quarter", DEC31, None, "2024-10-01", "2024-12-31", "quarter"),
    ("the first quarter", DEC31, "future", "2025-01-01", "2025-03-31", "quarter"),
    ("Q3 2023", MON, None, "2023-07-01", "2023-09-30", "quarter"),
    ("the third quarter of 2022", MON, None, "2022-07-01", "2022-09-30", "quarter"),
    ("last quarter", MON, None, "2023-10-01", "2023-12-31", "quarter"),
    ("this quarter", MON, None, "2024-01-01", "2024-03-31", "quarter"),
    ("next quarter", DEC31, None, "2025-01-01", "2025-03-31", "quarter"),
    # --- no publication date: absolute expressions work, relative ones are None ------------------------------
    ("March 12, 2024", None, None, "2024-03-12", "2024-03-12", "day"),
    ("12 March 2024", None, None, "2024-03-12", "2024-03-12", "day"),
    ("Sept. 28, 2019", None, None, "2019-09-28", "2019-09-28", "day"),
    ("in the 1990s", None, None, "1990-01-01", "1999-12-31", "decade"),
    ("2019", None, None, "2019-01-01", "2019-12-31", "year"),
    ("in March 2019", None, None, "2019-03-01", "2019-03-31", "month"),
    ("between 2010 and 2014", None, None, "2010-01-01", "2014-12-31", "year"),
    ("Q3 2023", None, None, "2023-07-01", "2023-09-30", "quarter"),
    ("spring 2020", None, None, "2020-03-01", "2020-05-31", "season"),
    ("last week", None, None, None, None, None),
    ("on Monday", None, None, None, None, None),
    ("in March", None, None, None, None, None),
    ("yesterday", None, None, None, None, None),
    ("earlier this month", None, None, None, None, None),
    ("this spring", None, None, None, None, None),
    ("the first quarter", None, None, None, None, None),
    ("the '90s", None, None, None, None, None),
    ("two days ago", None, None, None, None, None),
]

# Cases the module gets wrong or cannot read (same layout as CASES), with the reason. Strict xfails.
XFAIL: list[tuple[Case, str]] = [
    (("the first half of 2024", MON, None, "2024-01-01", "2024-06-30", "quarter"), "halves are not modelled"),
    (("the 2023-24 season", MON, None, "2023-01-01", "2024-12-31", "year"), "split-year seasons are not read"),
    (("the week of March 4", MON, None, "2024-03-04", "2024-03-10", "week"), "'the week of X' is not read"),
]


def _expected(case: Case) -> tuple[date, date, str] | None:
    _, _, _, start, end, gran = case
    if start is None or end is None or gran is None:
        return None
    return date.fromisoformat(start), date.fromisoformat(end), gran


def _got(case: Case) -> tuple[date, date, str] | None:
    text, published, tense, *_ = case
    value = normalise_time(text, published, tense)  # type: ignore[arg-type]
    return None if value is None else (value.start, value.end, value.granularity)


def _id(case: Case) -> str:
    return f"{case[0]}|{case[1]}|{case[2] or 'past'}"


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_case(case: Case) -> None:
    assert _got(case) == _expected(case)


@pytest.mark.parametrize("case", [c for c, _ in XFAIL], ids=[_id(c) for c, _ in XFAIL])
def test_known_gap(case: Case) -> None:
    reason = {_id(c): r for c, r in XFAIL}[_id(case)]
    pytest.xfail(reason) if _got(case) != _expected(case) else pytest.fail(f"now passes, move to CASES: {case}")


def test_accuracy(capsys: pytest.CaptureFixture[str]) -> None:
    everything = CASES + [c for c, _ in XFAIL]
    correct = sum(_got(c) == _expected(c) for c in everything)
    with capsys.disabled():
        print(f"\ngraph.dates accuracy: {correct}/{len(everything)} = {correct / len(everything):.1%}")
    assert len(everything) >= 120
    assert correct / len(everything) >= 0.95


def test_no_duplicate_cases() -> None:
    ids = [_id(c) for c in CASES] + [_id(c) for c, _ in XFAIL]
    assert len(ids) == len(set(ids))


# --- the value object ------------------------------------------------------------------------------------------


def test_iso_renderings() -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    day = normalise_time("March 12, 2024", None)
    assert day is not None and day.iso == "2024-03-12" and day.xsd_datatype == xsd + "date"
    month = normalise_time("in March 2019", None)
    assert month is not None and month.iso == "2019-03" and month.xsd_datatype == xsd + "gYearMonth"
    year = normalise_time("2019", None)
    assert year is not None and year.iso == "2019" and year.xsd_datatype == xsd + "gYear"
    week = normalise_time("last week", MON)
    assert week is not None and week.iso == "2024-03-04/2024-03-10" and week.xsd_datatype is None
    decade = normalise_time("the 1990s", None)
    assert decade is not None and decade.iso == "1990-01-01/1999-12-31"


def test_since_and_until_are_open() -> None:
    since = normalise_time("since 2015", MON)
    assert since == TimeValue("since 2015", date(2015, 1, 1), MON, "year", open_start=False, open_end=True)
    assert since.iso == "2015-01-01/.."
    until = normalise_time("until 2030", MON)
    assert until is not None and until.open_start and not until.open_end
    assert until.end == date(2030, 12, 31) and until.iso == "../2030-12-31"
    before = normalise_time("before March 2019", MON)
    assert before is not None and before.open_start and before.end == date(2019, 2, 28)
    after = normalise_time("after 2019", MON)
    assert after is not None and after.open_end and after.start == date(2020, 1, 1) and after.end == MON
    # without a publication date the start of "since" is still known; the end is open
    bare = normalise_time("since 2015", None)
    assert bare is not None and bare.start == date(2015, 1, 1) and bare.open_end


def test_text_is_kept_as_written() -> None:
    value = normalise_time("  On Sept. 28 ", MON)
    assert value is not None and value.text == "  On Sept. 28 " and value.start == date(2023, 9, 28)


def test_day_first_order() -> None:
    value = normalise_time("12/03/2024", None, date_order="DMY")
    assert value is not None and value.start == date(2024, 3, 12)
    us = normalise_time("12/03/2024", None)
    assert us is not None and us.start == date(2024, 12, 3)


def test_datetime_publication_is_accepted() -> None:
    from datetime import datetime

    value = normalise_time("yesterday", datetime(2024, 3, 11, 23, 59))  # type: ignore[arg-type]
    assert value is not None and value.start == date(2024, 3, 10)


# --- bad input -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "on",
        "the",
        "x" * 2000,
        "last week " * 200,
        "\u0432 \u043f\u0440\u043e\u0448\u043b\u043e\u043c \u0433\u043e\u0434\u0443",  # Russian "last year"
        "\u4e0a\u5468",  # Chinese "last week"
        "\u0627\u0644\u0623\u0633\u0628\u0648\u0639 \u0627\u0644\u0645\u0627\u0636\u064a",  # Arabic
        "the company",
        "February 30",
        "between banana and apple",
        "from 2014 to 2010",
        "\x00\x01",
        "99999999999999999999",
        "the 9999s",
    ],
)
def test_bad_input_is_none(text: str) -> None:
    assert normalise_time(text, MON) is None


def test_non_string_is_none() -> None:
    assert normalise_time(None, MON) is None  # type: ignore[arg-type]
    assert normalise_time(2019, MON) is None  # type: ignore[arg-type]
    assert normalise_time("2019", "2024-03-11") is None  # type: ignore[arg-type]


def test_extreme_publication_dates_do_not_raise() -> None:
    for published in (date(1, 1, 1), date(9999, 12, 31), date(1970, 1, 1)):
        for text in ("last week", "next year", "on Monday", "in March", "this winter", "the '90s", "since 2015"):
            normalise_time(text, published)  # may be None, must not raise


def test_cost() -> None:
    """Per-call cost after the first (import) call; the numbers are printed for the record."""
    start = time.perf_counter()
    normalise_time("March 12, 2024", date(2020, 1, 1))
    first = time.perf_counter() - start
    texts = [c[0] for c in CASES]
    start = time.perf_counter()
    for i, text in enumerate(texts):
        normalise_time(text, date(2019, 1, 1 + i % 28))  # distinct dates: no result cache hits
    per_call = (time.perf_counter() - start) / len(texts)
    print(f"\ngraph.dates: first call {first * 1000:.0f} ms, uncached {per_call * 1000:.2f} ms/call")
    assert per_call < 0.05

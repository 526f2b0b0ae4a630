"""The words and patterns of English news dates: months, weekdays, numbers, seasons, units, prepositions."""

from __future__ import annotations

import re

from .value import Granularity

_MONTHS = (
    r"jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?"
    r"|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?"
)
_WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAYS = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day|\.)?"
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3, "a few": 3, "couple": 2,
    "a couple of": 2, "couple of": 2,
}  # fmt: skip
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # first month
_UNITS: dict[str, Granularity] = {
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "decade": "decade",
    "quarter": "quarter",
}
_DEICTIC = frozenset({"last year", "last month", "last week", "this year", "this month", "this week", "next year",
                      "next month", "next week"})  # fmt: skip
_RELATIVE_WORDS = re.compile(
    r"\b(?:last|next|this|coming|past|previous|ago|yesterday|tomorrow|today|tonight|now|earlier|later|recent)\b"
)
_YEAR_RE = re.compile(r"\b(\d{4})\b")
_PREPOSITIONS = re.compile(
    r"^(?:on|in|at|during|over|around|about|circa|c\.|throughout|as of|as early as|as late as|for|"
    r"sometime in|some time in|effective)\s+"
)
_TIME_OF_DAY = re.compile(
    r"\b(?:at\s+)?(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|noon|midnight)(?:\s+(?:local time|[a-z]{2,4}t\b))?(?![a-z])"
)
_PART_OF_DAY = re.compile(r"^(?:this|early|late)\s+(?:morning|afternoon|evening)$")

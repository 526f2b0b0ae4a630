"""News datelines: "NUR-SULTAN. KAZINFORM - ...", "LONDON (Reuters) - ...", "MOSCOW, March 5. /TASS/."

:func:`parse_dateline` finds one at the start of an article's text; the readers take it off the
body and keep its place and news agency (:attr:`Document.place`, :attr:`Document.source`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Dateline", "parse_dateline"]


@dataclass(frozen=True)
class Dateline:
    place: str | None
    source: str | None
    date: str | None
    end: int  # where the body starts


# a place in capitals, perhaps with its state or country as written ("CUPERTINO, California")
_PLACE = (
    r"(?P<place>[A-Z][A-Z'\.\-]*(?:[ \-][A-Z][A-Z'\.\-]*){0,3}(?:,\s*[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+\.?)?(?=\s*\())?)"
)
_DATE = r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))?"
_AGENCY_WORD = r"[A-Z][A-Za-z&\-]*(?:[\s/][A-Z][A-Za-z&\-]*){0,2}"  # "Reuters", "AP", "Reuters/AFP"
_DATELINE_PATTERNS = (
    # LONDON (Reuters) - ... / WASHINGTON, Dec 3 (AP) — ...
    re.compile(_PLACE + _DATE + r"\s*\((?P<source>" + _AGENCY_WORD + r")\)\s*[-\u2013\u2014:]+\s*"),
    # MOSCOW, March 5. /TASS/. ...
    re.compile(_PLACE + _DATE + r"\.?\s*/(?P<source>[A-Z][A-Za-z\-]*)/\.?\s*[-\u2013\u2014:]*\s*"),
    # NUR-SULTAN. KAZINFORM ... / ASTANA. KAZINFORM - ...
    re.compile(
        _PLACE + _DATE + r"[\.,]\s+(?P<source>[A-Z][A-Z\-]{2,}(?:\s[A-Z][A-Z\-]{2,})?)\b(?!\.)\s*[-\u2013\u2014:]*\s*"
    ),
    # LONDON - ... (place only)
    re.compile(_PLACE + _DATE + r"\s+[-\u2013\u2014]+\s+"),
)


def _title_case(word: str) -> str:
    """NUR-SULTAN -> Nur-Sultan, KAZINFORM -> Kazinform; short acronyms (AP, TASS) stay."""
    if len(word) <= 4 and word.isalpha() and word.isupper():
        return word
    return "-".join(" ".join(w.capitalize() for w in part.split(" ")) for part in word.split("-"))


def parse_dateline(text: str) -> Dateline | None:
    """Find a news dateline at the start of ``text``.

    >>> d = parse_dateline("NUR-SULTAN. KAZINFORM Chairman of the party met ...")
    >>> (d.place, d.source, d.end)
    ('Nur-Sultan', 'Kazinform', 22)
    """
    head = text[:200]
    for pattern in _DATELINE_PATTERNS:
        match = pattern.match(head)
        if not match:
            continue
        city, _, region = match.group("place").strip().partition(",")
        city = city.strip(" .")
        # the place must be written in capitals (a dateline), not an ordinary first word
        letters = [c for c in city if c.isalpha()]
        if len(letters) < 3 or not all(c.isupper() for c in letters):
            continue
        rest = head[match.end() :]
        if not rest or not (rest[0].isupper() or rest[0] in "\"'\u201c("):
            continue
        source = match.groupdict().get("source")
        if source is not None:
            source = source.strip()
            if source.isupper():
                source = _title_case(source)
        place = _title_case(city.strip()) + (", " + region.strip() if region.strip() else "")
        return Dateline(place, source, match.group("date"), match.end())
    return None

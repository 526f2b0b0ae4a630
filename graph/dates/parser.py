"""dateparser, imported on first use, for the single dates the rules leave to it."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateparser.date import DateDataParser


@lru_cache(maxsize=128)
def _parser(base: date, prefer: str, date_order: str) -> DateDataParser:
    from dateparser.date import DateDataParser  # lazy: importing dateparser costs ~0.1-0.2 s

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": date_order,
    }
    return DateDataParser(languages=["en"], settings=settings)


def _dateparse(text: str, base: date, prefer: str, date_order: str) -> tuple[date, str] | None:
    try:
        data = _parser(base, prefer, date_order).get_date_data(text)
    except Exception:  # noqa: BLE001  # dateparser raises assorted errors on malformed input: that is None here
        return None
    if data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"

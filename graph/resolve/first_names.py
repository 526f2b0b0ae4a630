"""A small list of common English first names and their usual gender: the fallback of
:func:`gender_of_name` when the typing module's data sources do not know a name
(he/she agreement in coreference). Data, not rules: one name a word."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import FEMALE_WORDS, MALE_WORDS
from .typing import name_gender

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

__all__ = ["FIRST_NAME_GENDER", "first_name_gender", "gender_of_name"]

_MALE = """
    aaron adam ahmed alan albert alexander ali andrew anthony arthur austin barack ben benjamin bill
    billy bob bobby boris bradley brandon brian bruce bryan carl charles christian christopher
    daniel dave david dennis dmitry donald douglas dylan edward emmanuel eric ethan eugene frank
    fred gabriel gary george gerald gordon gregory harold hassan henry ivan jack jacob james jason
    jeffrey jeremy jerry jesse jim joe john johnny jonathan jordan jose joseph joshua juan justin
    kassym keith kenneth kevin kyle larry lawrence logan louis mark matthew michael mike mohammed
    muhammad nathan nicholas nick noah nursultan omar patrick paul peter philip ralph randy raymond
    richard rob robert roger ronald roy russell ryan sam samuel scott sean sergei stephen steve
    steven terry thomas timothy tom tony tyler vincent vladimir walter wayne william willie xi
    zachary
"""

_FEMALE = """
    abigail aisha alexis alice aliya amanda amber amy andrea angela ann anna ashley barbara betty
    beverly brenda brittany carol carolyn catherine charlotte cheryl christina christine cynthia
    danielle dariga deborah debra denise diana diane donna doris dorothy elizabeth emily emma evelyn
    fatima frances gloria grace hannah heather helen hillary isabella jacinda jacqueline janet
    janice jean jennifer jessica joan joyce judith judy julia julie kamala karen katherine kathleen
    kathryn kayla kelly kimberly laura lauren linda lisa lori madison margaret maria marie marilyn
    marine martha mary megan melissa michelle nancy natalie nicola nicole olivia pamela patricia
    rachel rebecca ruth samantha sandra sara sarah sharon shirley sophia stephanie susan teresa
    theresa ursula victoria virginia
"""

#: first name (lower case) -> "m" or "f"
FIRST_NAME_GENDER: dict[str, str] = {
    **dict.fromkeys(_MALE.split(), "m"),
    **dict.fromkeys(_FEMALE.split(), "f"),
}


def gender_of_name(toks: list[Token], start: int, end: int) -> str | None:
    """ "m" or "f" from an honorific or title just before a name ("Mrs Smith", "King Charles") or
    inside it, or from the first name (:data:`FIRST_NAME_GENDER`); None when nothing says."""
    words = [toks[i].lower_.rstrip(".") for i in range(max(0, start - 1), start + 1)]
    for word in words:
        if word in MALE_WORDS:
            return "m"
        if word in FEMALE_WORDS:
            return "f"
    return first_name_gender(toks[start].text) if end - start > 1 else None


def first_name_gender(word: str) -> str | None:
    """ "m" or "f" for a first name: :func:`~.typing.name_gender`, else :data:`FIRST_NAME_GENDER`."""
    gender = name_gender(word)
    if gender is not None:
        return "m" if gender == "male" else "f"
    return FIRST_NAME_GENDER.get(word.lower())

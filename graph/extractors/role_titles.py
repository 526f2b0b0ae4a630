"""Role titles, for :mod:`graph.extractors.roles`: which words name a position, an organisation or
a person, the title written before a name (``Reticle Research analyst Tom Rubin``), and the role
label a title's words make (``Chief Financial Officer`` -> ``chief financial officer``) and the
country a nationality word before a title stands for (``Australian`` -> ``Australia``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import (
    ADDRESS_TITLES,
    CATEGORY_NOUNS,
    DEPUTY_WORDS,
    GOVERNMENT_HEADS,
    HONORIFICS,
    ORGANIZATION_HEADS,
    PERSON_PRONOUNS,
    ROLE_ABBREVIATIONS,
    ROLE_MODIFIERS,
    ROLE_TITLE_NOUNS,
    ROLE_UNIT_NOUNS,
)
from ..lexicon.roles import FORMER_WORDS, TIME_NEUTRAL_ROLE_WORDS
from ..syntax import kids, subtree_indices

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = [
    "conjoined_people",
    "first_spouse",
    "is_role_word",
    "names_person",
    "one_non_person_name",
    "organisation_after_name",
    "person_span",
    "split_former",
    "title_span_before",
]

_ORG_LABELS = ("ORG", "GPE", "NORP", "FAC", "LOC")
_NAME_LABELS = (
    "PERSON",
    *_ORG_LABELS,
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "DATE",
    "TIME",
    "CARDINAL",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "ORDINAL",
)
_ORG_PREPOSITIONS = ("of", "at", "for", "with", "in")
#: verbs of headlines the tagger may read as nouns before a title ("Rovers sack manager X")
HEADLINE_VERBS = {"sack", "sacks", "fire", "fires", "axe", "axes", "oust", "ousts", "name", "names", "appoint"}
HEADLINE_VERBS |= {"appoints", "hire", "hires", "suspend", "suspends"}
#: role modifiers that are also the names of parties ("Labour leader X": the party's leader)
_PARTY_WORDS = {"labour", "labor", "national", "liberal", "green", "conservative", "democratic"}
#: titles of the head of a place: a name written before one is the place ("Riverton Mayor X")
_PLACE_HEADS = {"mayor", "governor", "premier"}
#: capitalised words inside a title that name no unit ("Senate Majority Leader")
_TITLE_WORDS = {"majority", "minority", "ranking"}
#: words that make a title with a following "General" ("Solicitor General", "Surgeon General")
_BEFORE_GENERAL = {"solicitor", "surgeon", "inspector", "comptroller", "auditor", "postmaster", "adjutant"}


#: positions written before a name that the lexicon's title nouns lack: a candidate in an election, a
#: substitute in a team's squad ("independent candidate Ana Ruiz", "substitute Tom Berg")
_MORE_TITLE_NOUNS = {"candidate", "substitute"}
_SPOUSE_WORDS = {"lady", "gentleman"}


def is_role_word(token: Token) -> bool:
    """A noun naming a position (``coach``, ``CFO``, ``Secretary-General``)."""
    lower = token.lower_
    text = token.text
    return (
        lower in ROLE_TITLE_NOUNS
        or (lower in _MORE_TITLE_NOUNS and token.pos_ in ("NOUN", "PROPN"))
        or first_spouse(token)
        or (3 <= len(text) <= 4 and text.isupper() and text[0] == "C" and text[-1] == "O")  # CEO, CNO, CHRO
        or (lower.endswith(".") and lower[:-1] in ROLE_ABBREVIATIONS)
        or _split_abbreviation(token)
        or token.lemma_.lower() in ROLE_TITLE_NOUNS
        or (lower.endswith("s") and lower[:-1] in ROLE_TITLE_NOUNS and token.tag_ in ("NNS", "NNPS"))
    )


def first_spouse(token: Token) -> bool:
    """``First Lady``, ``First Gentleman``: the head of government's spouse, a title of its own."""
    return (
        token.lower_ in _SPOUSE_WORDS
        and token.i > 0
        and token.doc[token.i - 1].lower_ == "first"
        and token.is_title == token.doc[token.i - 1].is_title
    )


def _split_abbreviation(token: Token) -> bool:
    """``Lt`` + ``.``: an abbreviated rank the tokenizer split from its full stop ("Sheriff's Lt. X")."""
    doc = token.doc
    return (
        token.is_title
        and token.lower_ in ROLE_ABBREVIATIONS
        and not token.whitespace_
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text == "."
    )


def _is_org_word(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return (
        token.ent_type_ in _ORG_LABELS
        or lemma in ORGANIZATION_HEADS
        or lemma in GOVERNMENT_HEADS
        or lemma in CATEGORY_NOUNS
        or lemma in ROLE_UNIT_NOUNS
        or (token.pos_ == "PROPN" and not is_role_word(token))
    )


def _is_personish(token: Token) -> bool:
    """A token that can head a person's name or stand for a person."""
    if token.ent_type_ == "PERSON":
        return True
    if token.pos_ == "PRON":
        return token.lower_ in PERSON_PRONOUNS
    if token.ent_type_ == "WORK_OF_ART" and any(c.tag_ in ("``", "''") for c in kids(token)):
        return token.pos_ == "PROPN" and token.is_title  # 'Lewis "Lew" Platt': a nickname in quotes, no title
    return (
        token.pos_ == "PROPN" and token.is_title and token.ent_type_ in ("", "ORG", "NORP") and not is_role_word(token)
    )


def _chain_left(doc: Doc, head: Token) -> list[int]:
    """The words written directly before ``head`` that modify it (compounds, adjectives, a
    possessive, a title with its ``of`` phrase), as one contiguous run of token indices."""
    left: set[int] = set()
    for child in kids(head):
        if child.i > head.i or child.dep_ not in ("compound", "amod", "nmod", "poss", "nummod", "punct"):
            continue
        if child.dep_ == "poss" and child.pos_ == "PRON":
            continue
        left.update(range(child.left_edge.i, child.right_edge.i + 1))
    chain: list[int] = []
    i = head.i - 1
    while i in left:
        chain.append(i)
        i -= 1
    return sorted(chain)


def title_span_before(doc: Doc, name_head: Token) -> tuple[list[int], list[int], list[int]] | None:
    """For the last word of a name, (title words, organisation words, name words) written before it.

    ``Reticle Research analyst Tom Rubin``: title ``analyst``, organisation ``Reticle Research``,
    name ``Tom Rubin``. None when no role noun stands before the name.
    """
    chain = _chain_left(doc, name_head)
    if not chain:
        return None
    # the name: the head and the capitalised non-role words before it
    name = [name_head.i]
    for i in reversed(chain):
        token = doc[i]
        if i != name[0] - 1:
            break
        if (
            token.ent_type_ == "PERSON"
            and name_head.ent_type_ == "PERSON"
            and not is_role_word(token)
            and (token.lower_.rstrip(".") not in HONORIFICS)
        ):
            name.insert(0, i)  # "Chung Eui-yong", "Moon Jae-in": every word of the person's name
            continue
        if i > 0 and doc[i - 1].lower_ == "of" and token.ent_type_ != "PERSON":
            break  # "Deputy Minister of Health Lan Vo": the word after "of" is the title's
        if (
            token.text == "-"
            and not token.whitespace_
            and i > 0
            and doc[i - 1].pos_ == "PROPN"
            and (not doc[i - 1].whitespace_)
        ):
            name.insert(0, i)  # a hyphenated name
            continue
        if (
            token.pos_ == "PROPN"
            and (token.is_title or token.is_upper)
            and not is_role_word(token)
            and (token.ent_type_ in ("PERSON", "") or name_head.ent_type_ != "PERSON")
            and token.lower_.rstrip(".") not in HONORIFICS
        ):
            if token.ent_type_ == "" and name_head.ent_type_ == "PERSON" and i < name_head.i - 3:
                break
            name.insert(0, i)
            continue
        break
    while name and doc[name[0]].ent_type_ not in ("PERSON", "") and name[0] != name_head.i:
        name.pop(0)
    before = [i for i in chain if i < name[0]]
    # honorifics between title and name ("President Mr. X") are neither
    while before and doc[before[-1]].lower_.rstrip(".") in HONORIFICS and not first_spouse(doc[before[-1]]):
        before.pop()
    roles = [i for i in before if is_role_word(doc[i]) and doc[i].pos_ in ("NOUN", "PROPN", "X")]
    if not roles:
        return None
    role_head = roles[-1]
    if doc[role_head].lower_ in ADDRESS_TITLES and not first_spouse(doc[role_head]):
        return None  # "Doctor Jane Roe": a form of address, not a position
    ofs = [i for i in before if i > role_head and doc[i].lower_ == "of"]
    if ofs and ofs[0] < min(roles[-1] + 2, before[-1]):
        role_head = roles[-1] if not [r for r in roles if r < ofs[0]] else [r for r in roles if r < ofs[0]][-1]
    if any(i > role_head for i in before if doc[i].pos_ not in ("NOUN", "PROPN", "PUNCT", "ADJ", "ADP", "DET")):
        return None
    # the title: the role head, role words after it ("Chief Executive"), role modifiers before it
    title = [i for i in before if i >= role_head]
    capital = doc[role_head].is_title  # "Fire Chief": a capitalised role takes a capitalised word; "Acme CFO" not
    organisation: list[int] = []
    unit: list[int] = []
    deputy_seen = False  # a deputy word before the organisation ends the title
    for i in reversed([i for i in before if i < role_head]):
        token = doc[i]
        lower = token.lower_
        if organisation:
            if lower in DEPUTY_WORDS and not deputy_seen:
                title.insert(0, i)  # "Acting Acme CEO", "Assistant U.S. Attorney": the word is the title's
                deputy_seen = True
                continue
            if deputy_seen:
                break
            if (
                (token.ent_type_ and token.ent_type_ == doc[organisation[0]].ent_type_)
                or token.tag_ == "POS"
                or (token.pos_ == "PROPN" and not token.ent_type_)
            ):
                organisation.insert(0, i)
                continue
            break
        if token.tag_ == "POS" or token.dep_ == "case":
            continue
        if token.text == "." and i > 0 and _split_abbreviation(doc[i - 1]) and not unit:
            title.insert(0, i)  # "Lt. Gov.": the full stop of a split rank, dropped from the label
            continue
        lone = token.ent_iob_ != "I" and (i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I")
        if (
            lower in _TITLE_WORDS
            or (capital and is_role_word(token) and token.is_title and not organisation)  # "Magistrate Judge"
            or (lower in _BEFORE_GENERAL and doc[i + 1].lower_ == "general")
            or (
                (capital or (token.is_sent_start and lower not in _PARTY_WORDS))  # "Defense attorney X" opens
                and i == role_head - 1
                and lower in ROLE_MODIFIERS
                and lone
            )
        ):
            title.insert(0, i)  # "Senate Majority Leader", "U.S. Solicitor General"
            continue
        if token.ent_type_ in _ORG_LABELS or (token.is_upper and token.is_alpha and len(token) > 1 and not unit):
            organisation.insert(0, i)  # a name, or an acronym ("WHO Director-General", "IMF Managing Director")
            continue
        if unit:
            if token.pos_ in ("PROPN", "NOUN", "ADJ") and (token.is_title or token.is_upper) and not token.ent_type_:
                unit.insert(0, i)
                continue
            break
        if (
            lower in ROLE_MODIFIERS
            or is_role_word(token)
            or lower == "-"
            or (
                not capital
                and token.pos_ in ("ADJ", "NOUN")
                and token.is_lower
                and not token.tag_.startswith("VB")
                and lower not in HEADLINE_VERBS  # "Rovers sack manager Tom Lee": a verb, not the title's
            )
        ):
            title.insert(0, i)
            continue
        if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
            break
        if token.pos_ in ("PROPN", "NOUN", "ADJ") and (token.is_title or token.is_upper):
            if capital:
                unit.insert(0, i)
            else:
                organisation.insert(0, i)
            continue
        break
    if (
        unit
        and not organisation
        and doc[role_head].lower_ in _PLACE_HEADS
        and all(doc[i].pos_ == "PROPN" or _is_former_word(doc, i) for i in unit)
    ):
        organisation, unit = unit, []  # "Riverton Mayor X": the mayor of Riverton
    if unit and len(unit) == 1 and not organisation and len(title) > 1 and doc[unit[0]].pos_ == "PROPN":
        organisation, unit = unit, []  # "Vodafone Chief Executive Officer": a full title after a name
    elif unit and len(unit) == 1 and not organisation:
        title = sorted(unit + title)  # "Fisheries Minister": one word before a one-word capitalised role is the role's
        unit = []
    elif unit and organisation:
        organisation = sorted(organisation + unit)
        unit = []
    if unit and len(unit) > 1 and doc[unit[-1]].lemma_.lower() in (*ORGANIZATION_HEADS, "department"):
        organisation, unit = unit, []  # "Chico Fire Department interim Chief X": a department is an employer
    organisation = [i for i in organisation if doc[i].tag_ != "POS" and doc[i].dep_ != "case"]
    if unit:
        title = [*sorted(title), -1, *unit]  # "-1": "of" is written between title and unit
    return title, organisation, name


def _country_of(doc: Doc, adjective: list[int]) -> list[int] | None:
    """The place a nationality adjective stands for, when the article names it: ``Australian``
    -> ``Australia``, ``Turkish`` -> ``Turkey`` (the longest shared beginning, four letters at least)."""
    word = " ".join(doc[i].text for i in adjective).lower()
    best: tuple[int, list[int]] | None = None
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "ORG", "LOC") or len(ent) > 2:
            continue
        name = ent.text.lower()
        shared = 0
        while shared < min(len(name), len(word)) and name[shared] == word[shared]:
            shared += 1
        if shared >= 4 and shared >= len(name) - 2 and (best is None or shared > best[0]):
            best = (shared, list(range(ent.start, ent.end)))
    return best[1] if best else None


def _role_label(doc: Doc, title: list[int]) -> str:
    """The role as a label: lower case but for acronyms and the names of units
    (``Chief Financial Officer`` -> ``chief financial officer``; ``CFO``; ``director of State Civil Protection``)."""
    parts: list[str] = []
    after_of = False
    words = [
        doc[i]
        for i in title
        if i >= 0 and doc[i].text.rstrip(".").isalpha() and doc[i].lower_ not in ("of", "the", "and")
    ]
    as_written = bool(words) and all(t.is_title or t.is_upper for t in words)
    for i in title:
        if i < 0:
            parts.append("of")
            after_of = True
            continue
        token = doc[i]
        text = token.text
        if token.lower_ == "of":
            after_of = True
            parts.append("of")
            continue
        if token.lower_.endswith(".") and token.lower_[:-1] in ROLE_ABBREVIATIONS:
            word = ROLE_ABBREVIATIONS[token.lower_[:-1]]
            parts.append(word.capitalize() if as_written else word)  # "Gov." -> Governor
        elif _split_abbreviation(token):
            parts.append(ROLE_ABBREVIATIONS[token.lower_].capitalize())  # "Lt" + "." -> Lieutenant
        elif as_written and not (token.tag_ in ("NNS", "NNPS") and is_role_word(token)):
            parts.append(text)  # "First Deputy Chairman", "Fire Chief": a capitalised title as written
        elif after_of and (token.is_title or token.is_upper):
            parts.append(text)
        elif token.lower_.endswith(".") and token.lower_[:-1] in ROLE_ABBREVIATIONS:
            parts.append(ROLE_ABBREVIATIONS[token.lower_[:-1]])  # "Gov." -> governor
        elif text.isupper() and len(text) > 1:
            parts.append(text)
        elif token.tag_ in ("NNS", "NNPS") and is_role_word(token):
            lemma = token.lemma_.lower()
            singular = lemma if lemma in ROLE_TITLE_NOUNS else token.lower_[:-1]
            parts.append(singular.capitalize() if as_written else singular)  # "Judges A and B": each is a judge
        else:
            parts.append(text.lower())
    label = " ".join(parts).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    return label.strip()


def _is_former_word(doc: Doc, i: int) -> bool:
    """``former``, ``ex-``, ``erstwhile``; ``then`` only as ``then-chairman`` or ``the then chairman``
    and ``late`` only after a determiner (``the late president``), never "He then met ..."."""
    token = doc[i]
    lower = token.lower_.rstrip("-")
    if lower not in FORMER_WORDS:
        return False
    if lower in ("then", "late"):
        hyphen = i + 1 < len(doc) and doc[i + 1].text == "-"
        if lower == "late" and hyphen:
            return False  # "the late-night host"
        determined = i > 0 and (doc[i - 1].lower_ in ("the", "a", "an") or doc[i - 1].tag_ in ("PRP$", "POS"))
        return determined or (lower == "then" and hyphen)
    return token.pos_ in ("ADJ", "PROPN", "NOUN", "X", "ADV", "VERB") or token.text.endswith("-")


def split_former(doc: Doc, title: list[int], organisation: list[int]) -> tuple[list[int], list[int], bool]:
    """The title and organisation without the words that make a role a former one, and whether any
    did: ``former chief executive`` -> ``chief executive``, ``Ex-Acme CFO`` -> ``Acme`` and ``CFO``,
    ``former Acme CFO`` (the word just before the title or its organisation)."""
    former = False

    def strip(words: list[int]) -> list[int]:
        nonlocal former
        kept: list[int] = []
        for i in words:
            if i >= 0 and _is_former_word(doc, i):
                former = True
                continue
            if i >= 0 and doc[i].text == "-" and (not kept or kept[-1] < 0) and i > 0 and _is_former_word(doc, i - 1):
                continue  # the hyphen of "ex-"
            kept.append(i)
        return kept

    title, organisation = strip(title), strip(organisation)
    # "the new coach", "longtime chief executive": the role is "coach", "chief executive"
    title = [i for i in title if i < 0 or not (doc[i].is_lower and doc[i].lower_ in TIME_NEUTRAL_ROLE_WORDS)]
    written = [i for i in (*title, *organisation) if i >= 0]
    if written:
        before = min(written) - 1
        while before >= 0 and doc[before].text == "-":
            before -= 1
        if before >= 0 and _is_former_word(doc, before):
            former = True
    return title, organisation, former


def one_non_person_name(doc: Doc, name: list[int], title: list[int]) -> bool:
    """``General Dynamics Corp.``: the "title" is part of one organisation's name."""
    words = [i for i in title if i >= 0]
    kind = doc[name[-1]].ent_type_
    if any(first_spouse(doc[i]) for i in words):
        return False  # "First Lady Ann Vale", which the NER may read as one organisation's name
    return (
        bool(kind)
        and kind != "PERSON"
        and all(doc[i].ent_type_ == kind for i in words)
        and (doc[name[-1]].ent_iob_ != "B" or any(doc[i].ent_iob_ == "B" for i in words))
    )


def names_person(doc: Doc, name: list[int]) -> bool:
    """Whether the words of ``name`` name a person (the NER says so, or capitalised non-organisation words)."""
    tokens = [doc[i] for i in name]
    if any(t.ent_type_ == "PERSON" for t in tokens):
        return True
    # the NER missed the name: capitalised words, not an organisation's
    return (
        all(t.pos_ == "PROPN" and t.is_title for t in tokens)
        and not any(t.ent_type_ in _ORG_LABELS and t.ent_type_ != "ORG" for t in tokens)
        and not any(t.lemma_.lower() in ORGANIZATION_HEADS or t.lemma_.lower() in GOVERNMENT_HEADS for t in tokens)
    )


def conjoined_people(person: Token) -> list[Token]:
    """The people written after ``person`` and conjoined with it ("Judges A and B")."""
    return [c for c in person.conjuncts if c.i > person.i and _is_personish(c) and c.pos_ != "PRON"]


def person_span(doc: Doc, person: Token) -> list[int]:
    """The words of the name of the person ``person`` heads, without titles or honorifics."""
    if person.pos_ == "PRON":
        return [person.i]
    if person.ent_type_ == "PERSON":
        for ent in doc.ents:
            if ent.start <= person.i < ent.end:
                words = [
                    i
                    for i in range(ent.start, ent.end)
                    # a role word ends no name ("Robert G. Dean"), it only starts one ("Judge Ann Roe")
                    if (i == ent.end - 1 or not is_role_word(doc[i]))
                    and doc[i].lower_.rstrip(".") not in HONORIFICS
                    and doc[i].tag_ != "POS"
                ]
                return words or [person.i]
    words = [
        c.i
        for c in kids(person)
        if c.dep_ == "compound"
        and c.i < person.i
        and c.pos_ == "PROPN"
        and not is_role_word(c)
        and c.lower_.rstrip(".") not in HONORIFICS
    ]
    return sorted([*words, person.i])


def organisation_after_name(name_head: Token) -> list[int]:
    """``Chancellor Olaf Scholz of Germany``, ``Judge Ann Roe of the District Court in Manhattan``: the
    organisation or place an ``of`` phrase after a titled name gives (not ``Jane Roe, 41, of Quincy``,
    which has no title)."""
    for prep in kids(name_head):
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i != name_head.i + 1:
            continue
        for obj in kids(prep):
            if obj.dep_ == "pobj" and obj.ent_type_ in ("ORG", "GPE"):
                skip = ("relcl", "appos", "acl", "punct", "conj", "cc", "prep")
                return [i for i in subtree_indices(obj, skip_deps=skip) if name_head.doc[i].pos_ != "DET"]
    return []

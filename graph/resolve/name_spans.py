"""Finding the names of a parsed article: NER spans trimmed of titles and articles, adjacent
spans the NER split in two joined, quoted titles of works, and proper-noun runs the NER missed.
:mod:`.names` clusters what this finds."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import (
    CATEGORY_NOUNS,
    HONORIFICS,
    ORGANIZATION_HEADS,
    ROLE_ABBREVIATIONS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    ROLE_TITLE_NOUNS,
    SURNAME_ENDINGS,
)
from ..syntax import doc_tree
from .entities import (
    normalize_name,
)
from .first_names import FIRST_NAME_GENDER
from .mentions import is_headline_case, is_junk_head
from .name_joins import inner_word_names, species_names
from .name_shapes import (
    capitalised_pronouns,
    conjoined_pieces,
    counted_words,
    designations,
    in_run,
    is_aside_gloss,
    is_club_affix,
    is_fragment,
    located_pieces,
    place_label,
    quoted_titles,
    titles_after_work_nouns,
    with_club_affixes,
)
from .name_words import OFFICE_TITLES, POSITION_NOUNS, is_common_word_name
from .typing_lexicon import _ORG_SUFFIXES
from .typing_sources import _first_name_info

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from ..syntax import DocContext

__all__ = [
    "PERSON_TITLES",
    "TITLE_ABBREVIATIONS",
    "is_bare_title",
    "is_role_phrase",
    "is_title_word",
    "looks_like_person",
    "name_spans",
    "title_line",
]

_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}


def looks_like_person(words: list[str]) -> bool:
    """A name the NER called an organisation but that reads as a person's (a surname ending, no
    organisational head word): "Dariga Nazarbayeva", "Kassym-Jomart Tokayev"."""
    lowered = [w.lower() for w in words if w[:1].isalpha()]
    return bool(lowered) and lowered[-1].endswith(SURNAME_ENDINGS) and not any(w in ORGANIZATION_HEADS for w in lowered)


def is_role_phrase(span: Span) -> bool:
    """A title naming no person in it: "the Leader of the Nation" (the NER may call it ORG)."""
    head = span.root
    return head.lower_ in ROLE_NOUNS and not any(t.ent_type_ == "PERSON" for t in span)


# ----------------------------------------------------------------------------- finding and typing names


def name_spans(doc: Doc, context: DocContext) -> list[tuple[int, int, str]]:
    """(start, end, NER label) of every name, articles and possessives trimmed, in token order."""
    toks = doc_tree(doc).tokens
    spans: list[tuple[int, int, str]] = []
    covered: set[int] = set()
    glosses = [
        g
        for g in context.glosses
        if not is_aside_gloss(toks, g.name_start, g.name_end, g.gloss_start, g.gloss_end)
        or (g.kind == "translation" and _ACRONYM.match(doc[g.gloss_start : g.gloss_end].text))
    ]
    glossed = {(g.name_start, g.name_end): g for g in glosses}
    for gloss in glosses:
        if gloss.kind == "translation" and _ACRONYM.match(doc[gloss.gloss_start : gloss.gloss_end].text):
            # "Group of Seven (G7)": an acronym with a digit, no translation; the name runs back over "of"
            start = _name_before_acronym(toks, gloss.name_start)
            spans.append((start, gloss.name_end, "ORG"))
            covered.update(range(start, gloss.name_end))
        elif gloss.kind == "translation":
            spans.append((gloss.name_start, gloss.name_end, "PROGRAMME"))
            covered.update(range(gloss.name_start, gloss.gloss_end + 1))
    for start, end in quoted_titles(toks, context):
        spans.append((start, end, "WORK_OF_ART"))
        covered.update(range(start, end))
    for start, end in inner_word_names(toks, context):  # "Rolling in Comfort": one name
        spans.append((start, end, "ORG"))
        covered.update(range(start, end))
    for start, end in species_names(toks):  # "was named Talorix minor": a living thing's name
        spans.append((start, end, "MISC"))
        covered.update(range(start, end))
    for start, end in titles_after_work_nouns(toks, covered):
        spans.append((start, end, "WORK_OF_ART"))
        covered.update(range(start, end))
    for start, end in designations(toks, covered):
        spans.append((start, end, "MISC"))
        covered.update(range(start, end))
    for i in capitalised_pronouns(toks, context):
        spans.append((i, i + 1, "ORG"))
        covered.add(i)
    for ent in doc.ents:
        if ent.label_ not in _NAME_LABELS or any(i in covered for i in range(ent.start, ent.end)):
            continue
        first = toks[ent.start]
        if (
            ent.label_ in ("ORG", "GPE", "NORP")
            and ent.end - ent.start > 1
            and (first.lower_.rstrip(".") in HONORIFICS or (first.is_title and first.lower_ in PERSON_TITLES))
        ):
            from spacy.tokens import Span

            ent = Span(doc, ent.start, ent.end, label="PERSON")  # "President Trump" tagged ORG is a person
        start, end = _trim_entity(toks, ent, covered)
        bracket = next((i for i in range(start + 1, end) if toks[i].text == "("), None)
        if bracket is not None and not any(toks[i].text == ")" for i in range(bracket, end)):
            end = bracket  # "the World Health Organization (WHO": the name ends before its bracket
        start, end = with_club_affixes(toks, start, end, covered)
        pieces = _score_pieces(toks, start, end, ent.label_)
        where = located_pieces(toks, start, end) if ent.label_ == "WORK_OF_ART" else None
        if ent.label_ in ("ORG", "FAC", "GPE", "NORP"):
            pieces = conjoined_pieces(toks, start, end) or pieces  # "Wazito and Kisumu All-Stars"
        if where is not None:  # "the Sugar Millers at Ruaraka Grounds": a name, then where it was
            pieces = where
        if len(pieces) > 1:  # "Scotland 2 Liechtenstein 1": two names and a score
            for p_start, p_end in pieces:
                spans.append(
                    (
                        p_start,
                        p_end,
                        (place_label(toks, p_start, p_end) if p_start > start else "MISC") if where else ent.label_,
                    )
                )
                covered.update(range(p_start, p_end))
            continue
        start, end = pieces[0] if pieces else (start, start)
        if start >= end or (start, end) in glossed:
            continue
        if is_bare_title(toks, start, end):
            continue  # "Chief Executive": a bare title names nobody
        if not any(c.isupper() for t in toks[start:end] for c in t.text) or (
            end - start == 1 and len(toks[start].text.strip(".")) <= 1
        ):
            continue  # "vehicle miles", "disco club" (no capital), "F" of "Group F": no name
        label = ent.label_
        if end - start >= 2 and toks[start].text.rstrip(".").upper() in TITLE_ABBREVIATIONS:
            start, label = start + 1, "PERSON"  # "FM Lavrov", "PM Rask": the title is no part of the name
        split = _organisation_then_person(toks, start, end) if label in ("ORG", "FAC", "GPE", "NORP") else None
        if split is not None:  # "the Ministry of Energy Anna Iskakov": two names
            spans.extend([(start, split, label), (split, end, "PERSON")])
            covered.update(range(start, end))
            continue
        if not any(toks[i].pos_ in ("PROPN", "NOUN") and not is_junk_head(toks[i]) for i in range(start, end)):
            continue  # no noun or name head: "No.", "Sept.", a weekday, a number
        if ent.label_ == "NORP" and end - start == 1 and toks[start].tag_ not in ("NNPS", "NNS"):
            continue  # "Afghan", "the Republican": an adjective or an epithet, not a group
        if ent.label_ != "PERSON" and is_role_phrase(doc[start:end]):
            continue  # "the Leader of the Nation" tagged ORG is a title, handled separately
        if end - start == 1 and (
            toks[start].lemma_.lower() in CATEGORY_NOUNS or toks[start].lemma_.lower() in ORGANIZATION_HEADS
        ):
            continue  # "the Party" is a definite description, resolved by salience, not a name
        spans.append((start, end, label))
        covered.update(range(start, end))
    headlines = {i for sent in context.sentences if is_headline_case(sent, toks) for i in range(sent.start, sent.end)}
    headlines.update(title_line(toks))
    spans.extend(_proper_noun_runs(doc, toks, covered | headlines))
    spans.sort()
    if headlines:
        # in a title-case headline the NER guesses from capitals ("Chung Holds Talks"): a name
        # there counts when the body uses a name with one of its words
        body_names = {normalize_name(doc[start:end].text) for start, end, _ in spans if start not in headlines}
        # a short form of a body name: its first or its last word ("Obama", "Council")
        body_words = {w for name in body_names for w in (name.split()[:1] + name.split()[-1:])}
        kept: list[tuple[int, int, str]] = []
        for start, end, label in spans:
            if start not in headlines or normalize_name(doc[start:end].text) in body_names:
                kept.append((start, end, label))
            else:  # "[Harbor Tech] Unveils New [Sky Drone]": only the parts the body names
                kept.extend((a, b, label) for a, b in _body_named_parts(doc, start, end, body_names, body_words))
        spans = kept
    counted = counted_words(toks, spans)
    return [
        span
        for span in _join_adjacent(toks, spans)
        if not is_fragment(toks, *span[:2])
        and not (span[1] - span[0] == 1 and toks[span[0]].text in counted)
        and not is_common_word_name(toks, *span[:2])
    ]


def title_line(toks: list[Token]) -> range:
    """The tokens of an article's first line when it is a title-case headline ("Harbor Tech Unveils
    New Drone" before a line break, no closing stop), whatever the NER made of its capitals."""
    end = next((i for i, t in enumerate(toks) if "\n" in t.text or "\n" in t.whitespace_), None)
    if end is None:
        return range(0)
    line = toks[: end + 1] if not toks[end].is_space else toks[:end]
    words = [t.text for t in line if t.is_alpha and len(t.text) > 3]
    if (
        line
        and line[-1].text not in (".", "!", "?")
        and len(words) >= 3
        and sum(1 for w in words if w[0].isupper()) >= 0.8 * len(words)
    ):
        return range(len(line))
    return range(0)


def _body_named_parts(
    doc: Doc, start: int, end: int, body_names: set[str], body_words: set[str]
) -> list[tuple[int, int]]:
    """The longest runs of a headline name that the body names: a whole name of the body, or one
    word of one ("Obama" of "Barack Obama"); the headline's verbs and adjectives between them go."""
    parts: list[tuple[int, int]] = []
    i = start
    while i < end:
        found = next(
            (
                j
                for j in range(end, i, -1)
                if not doc[j - 1].is_space
                and (
                    (key := normalize_name(doc[i:j].text)) in body_names
                    or (j == i + 1 and key in body_words and key)  # "Obama" of "Barack Obama"
                )
            ),
            None,
        )
        if found is None:
            i += 1
            continue
        parts.append((i, found))
        i = found
    return parts


#: titles that, written before a name, say it is a person's
PERSON_TITLES = {
    "president",
    "senator",
    "governor",
    "mayor",
    "judge",
    "minister",
    "chancellor",
    "king",
    "queen",
    "pope",
    "prince",
    "princess",
    "premier",
    "sheikh",
}
_JOINABLE = {"PERSON", "GPE", "ORG", "LOC", "NORP", "FAC"}


def _join_adjacent(toks: list[Token], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Two names the NER split with nothing between them are one name ("[Valeska] [Paris]",
    "[Washington] [D.C.]") when the NER gave both parts the same label, or a place before the
    organisation it modifies ("[Cambridge] [District Court]")."""
    joined: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if joined:
            p_start, p_end, p_label = joined[-1]
            if (
                p_end == start
                and (
                    (label == p_label and label in _JOINABLE)
                    # a place naming an organisation's seat: "[Cambridge] [District Court]"
                    # or a name the NER took for a person's: "[Hamilton] [District Court]", "[Gates] [Foundation]"
                    or (
                        p_label in ("GPE", "LOC", "PERSON")
                        and label == "ORG"
                        and toks[p_end - 1].dep_ == "compound"
                        and start <= toks[p_end - 1].head.i < end
                    )
                )
                and toks[p_end - 1].pos_ == "PROPN"
                and toks[start].pos_ == "PROPN"
                and "\n" not in toks[p_end - 1].whitespace_
                and toks[p_end - 1].lower_ not in OFFICE_TITLES  # "[Dale County Sheriff] [Jo Park]"
            ):
                joined[-1] = (p_start, end, label)
                continue
        joined.append((start, end, label))
    return joined


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
_NAME_LINKS = {"of", "for", "and", "on"}


def _name_before_acronym(toks: list[Token], start: int) -> int:
    """The start of a name that runs back over linking words from ``start``: "[Group of] Seven"."""
    while start >= 2 and toks[start - 1].lower_ in _NAME_LINKS and toks[start - 2].is_title:
        start -= 2
        while start > 0 and toks[start - 1].is_title and toks[start - 1].pos_ == "PROPN":
            start -= 1
    return start


def is_title_word(token: Token) -> bool:
    """A word of a title written before a name ("Fire Chief", "Judges", "Executive"): a role, not the name."""
    lower = token.lower_
    return (
        lower in ROLE_TITLE_NOUNS
        or lower in ROLE_MODIFIERS
        or token.lemma_.lower() in ROLE_TITLE_NOUNS
        or (lower.endswith("s") and lower[:-1] in ROLE_TITLE_NOUNS)
        or (lower.endswith(".") and lower[:-1] in ROLE_ABBREVIATIONS)
    )


#: abbreviated titles written before a name ("FM Lavrov")
TITLE_ABBREVIATIONS = frozenset({"FM", "PM", "VP", "MP", "DM", "AG", "CEO", "CFO", "COO", "CTO", "GM", "MEP"})


def _organisation_then_person(toks: list[Token], start: int, end: int) -> int | None:
    """Where a person's name begins in an organisation's name the NER ran on into it ("Ministry
    of Energy [Anna Iskakov]"): the last two or three words, starting with a common first name,
    after words that name an organisation by a head word; None when the name is one."""
    for size in (2, 3):
        k = end - size
        if k - start < 2:
            break
        tail, head = toks[k:end], toks[start:k]
        if not all(t.pos_ == "PROPN" and t.is_title for t in tail) or head[-1].lower_ in ("of", "and", "&"):
            continue
        if not any(t.lemma_.lower() in ORGANIZATION_HEADS or t.lower_ in _ORG_SUFFIXES for t in head):
            continue
        if _first_name_info(tail[0].text)[0] or tail[0].lower_ in FIRST_NAME_GENDER:
            return k
    return None


_NUMBERED_LABELS = {"PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "ORG", "FAC"}  # "Windows 10", "Apollo 11"


def _is_score_token(token: Token) -> bool:
    """A goal count, a scoreline, or a dash between goal counts ("3 – 0"), not a hyphen ("Kwok-kin")."""
    text = token.text
    if text in ("-", "\u2013", "\u2014"):
        doc = token.doc
        return 0 < token.i < len(doc) - 1 and doc[token.i - 1].text.isdigit() and doc[token.i + 1].text.isdigit()
    return (text.isdigit() and len(text) <= 2) or _is_scoreline(text)


def _is_scoreline(text: str) -> bool:
    parts = text.replace("\u2013", "-").replace("\u2014", "-").split("-")
    return len(parts) == 2 and all(x.isdigit() and len(x) <= 2 for x in parts)


def _in_scoreline(token: Token) -> bool:
    """A goal count beside a dash and another count ("Sweden [1] – 0"), whatever the name's label."""
    doc, i = token.doc, token.i
    if not (token.text.isdigit() and len(token.text) <= 2):
        return False
    after = i + 2 < len(doc) and _is_score_token(doc[i + 1]) and doc[i + 2].text.isdigit()
    before = i >= 2 and _is_score_token(doc[i - 1]) and doc[i - 2].text.isdigit()
    return after or before


def _score_pieces(toks: list[Token], start: int, end: int, label: str) -> list[tuple[int, int]]:
    """A name without the score the NER ran into it ("Argentina 2-1", "Panama 3 – 0"), or the names
    on either side of a score inside it ("Scotland 2 Liechtenstein 1"). Names of works, products,
    laws and events keep their numbers ("Apollo 11"); any name loses a scoreline ("United 2-1")."""
    keep_numbers = label in _NUMBERED_LABELS
    pieces: list[tuple[int, int]] = []
    i = start
    while i < end:
        j = i
        while j < end and not (
            _is_scoreline(toks[j].text) or _in_scoreline(toks[j]) or (not keep_numbers and _is_score_token(toks[j]))
        ):
            j += 1
        if j > i:
            pieces.append((i, j))
        i = j + 1
    return [(a, b) for a, b in pieces if any(c.isalpha() for k in range(a, b) for c in toks[k].text)]


def is_bare_title(toks: list[Token], start: int, end: int) -> bool:
    """Title words alone, naming nobody ("Chief Executive", "Foreign Minister"); not an
    organisation's name ("Labour Party"); kinship words or a medium word alone ("Mom", "Radio")."""
    last = toks[end - 1].lemma_.lower()
    return is_common_word_name(toks, start, end) or (
        last in ROLE_TITLE_NOUNS
        and last not in ORGANIZATION_HEADS
        and all(is_title_word(toks[i]) for i in range(start, end))
    )


def _trim_entity(toks: list[Token], ent: Span, covered: set[int]) -> tuple[int, int]:
    """An NER span without its article, titles, possessive and edge punctuation, and with a first
    name the NER left out."""
    start, end = ent.start, ent.end
    while start < end and (
        toks[start].pos_ == "DET"
        or toks[start].is_punct
        or (
            ent.label_ == "PERSON"
            and end - start > 1
            and (
                toks[start].lower_.rstrip(".") in HONORIFICS
                or toks[start].lower_ in ROLE_NOUNS
                or toks[start].lemma_.lower() in ROLE_NOUNS
                or (end - start > 2 and is_title_word(toks[start]))
                or toks[start].lower_ in POSITION_NOUNS  # "Goalkeeper Lunde": a position, no first name
            )
        )
    ):
        start += 1  # "the", and titles before a person's name ("President Kassym-Jomart Tokayev")
    while end > start and (
        toks[end - 1].tag_ == "POS" or toks[end - 1].is_punct or toks[end - 1].pos_ in ("ADP", "CCONJ", "DET")
    ):
        end -= 1  # and a function word the NER ran on with ("the Eighth Amendment of")
    if (
        end + 1 < len(toks)
        and end > start
        and toks[end].text == "-"
        and not toks[end - 1].whitespace_
        and not toks[end].whitespace_
        and toks[end + 1].is_alpha
        and toks[end + 1].is_lower
        and end + 1 not in covered
    ):
        end += 2  # the NER stopped at a hyphen inside a given name: "Moon Jae[-in]"
    while (
        start > 0
        and start - 1 not in covered
        and toks[start - 1].pos_ == "PROPN"
        and toks[start - 1].is_title
        and toks[start - 1].dep_ == "compound"
        and start <= toks[start - 1].head.i < end
        and not toks[start - 1].ent_type_
        and toks[start - 1].lemma_.lower() not in CATEGORY_NOUNS
        and toks[start - 1].lemma_.lower() not in ORGANIZATION_HEADS
        and toks[start - 1].lower_ not in ROLE_NOUNS
        and not is_title_word(toks[start - 1])
        and toks[start - 1].lower_.rstrip(".") not in HONORIFICS
    ):
        start -= 1  # the NER left a first name out ("Aliya [Nazarbayeva]")
    return start, end


def _proper_noun_runs(doc: Doc, toks: list[Token], covered: set[int]) -> list[tuple[int, int, str]]:
    """Runs of two or more capitalised proper nouns the NER missed ("Election Headquarters")."""
    runs: list[tuple[int, int, str]] = []
    i = 0
    while i < len(doc):
        if in_run(toks, i, covered):
            j = i
            while j < len(doc) and in_run(toks, j, covered):
                j += 1
                if (
                    j + 1 < len(doc)
                    and toks[j].tag_ == "POS"
                    and j not in covered
                    and in_run(toks, j + 1, covered)
                    and toks[j + 1].is_title
                ):
                    j += 1  # "St. Valentine's Day Massacre": one name across the possessive
            if all(is_club_affix(t) for t in toks[i:j]):
                i = j
                continue
            while j - i > 2 and is_title_word(toks[i]):
                i += 1  # "Fire Chief Ana Ruiz": the title is a role (graph.extractors.roles), not part of the name
            run = doc[i:j]
            if j - i >= 2 and not is_role_phrase(run) and not is_bare_title(toks, i, j):
                runs.append((i, j, "ORG" if run[-1].lemma_.lower() in ORGANIZATION_HEADS else "MISC"))
            i = j
        else:
            i += 1
    return runs

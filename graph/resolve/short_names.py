"""Short names the name spans missed, joined to the one full name of the article they stand for.

Two shapes, both only when exactly one entity of the article fits (:meth:`.NameTable.cluster_for_name`);
neither ever makes a new entity:

- a proper noun modifying another noun ("[Kestrel] coach Ana Ruiz", "[Ostrava] officials" when
  the article names "Kestrel Town" or "Ostrava"): a mention of that entity inside the phrase;
- a person's surname the tagger read as a common noun ("Poole" after "Kathryn Poole", also at
  the start of a sentence) or the parser hung on a headline's verb ("Holloway Warns Of Cuts"
  before "Greta Holloway"): a mention of that person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import CATEGORY_NOUNS, ROLE_NOUNS
from .entities import clean_name, normalize_name
from .first_names import FIRST_NAME_GENDER
from .typing import name_gender

if TYPE_CHECKING:  # pragma: no cover
    from .names import Cluster, NameTable

__all__ = ["add_short_names", "lone_first_name_gender", "misspelt_surname"]

#: NER labels of values, never a name's short form ("[Saturday] night")
_VALUES = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"})


def add_short_names(table: NameTable) -> None:
    """Give the article's full names the short mentions no name span covered."""
    toks = table.toks
    i = 0
    while i < len(toks):
        token = toks[i]
        if i in table.name_of_token or not token.is_title or not token.is_alpha:
            i += 1
            continue
        end = i + 1
        while (
            end < len(toks)
            and end not in table.name_of_token
            and toks[end].pos_ == "PROPN"
            and toks[end].is_title
            and token.pos_ == "PROPN"
        ):
            end += 1
        last = toks[end - 1]
        if (
            token.pos_ == "PROPN"
            and last.dep_ == "compound"
            and last.head.pos_ in ("NOUN", "PROPN")
            and last.head.i not in table.name_of_token  # "Image: Nick Moreau" is a caption, not a title
            and last.head.lemma_.lower() not in CATEGORY_NOUNS  # "the Acme company" is one description
            and not any(t.ent_type_ in _VALUES for t in toks[i:end])
        ):
            _join(table, i, end, "Thing")  # "[Kestrel] coach Ana Ruiz"
        elif (
            end - i == 1
            and normalize_name(token.text) in table.surnames
            and (end >= len(toks) or toks[end].text != ":")  # "Image: Nick Moreau" labels a caption
            and (
                token.pos_ == "NOUN"  # "Poole pointed out ..." tagged a common noun
                # "Holloway Warns Of Cuts": a headline's surname the parser hung on the verb
                or (token.pos_ == "PROPN" and token.dep_ == "compound" and token.head.pos_ not in ("NOUN", "PROPN"))
                # "King was fined" after "Ben King": a surname that is also a title word, standing
                # alone (no name after it), is the person's short name, not a title used as a name
                or (token.pos_ == "PROPN" and token.lower_ in ROLE_NOUNS)
            )
        ):
            _join(table, i, end, "Person")
        i = end


def _join(table: NameTable, start: int, end: int, kind: str) -> Cluster | None:
    text = clean_name(table.doc[start:end].text)
    if not text:
        return None
    cluster = table.cluster_for_name(text, kind, start)
    if cluster is None:
        return None
    key = normalize_name(text)
    if kind == "Person" and not any(_full_name(n) and normalize_name(n.split()[-1]) == key for n in cluster.names):
        return None  # only the surname of a full name ("Kathryn Poole"), the NER's type of it not yet settled
    # a modifier is the entity's name or the first words of it ("Kestrel" of "Kestrel Town"), never
    # a person's surname alone ("Warhol prints") nor a last word ("Image" of "America Image")
    prefix = any(normalize_name(n).startswith(key + " ") for n in cluster.names)
    if kind == "Thing" and key not in cluster.keys and (cluster.type == "Person" or not prefix):
        return None
    head = table.doc[start:end].root.i
    cluster.add_name(text, 1)
    cluster.tokens.append(head)
    table.spans[head] = (start, end)
    for k in range(start, end):
        table.name_of_token[k] = cluster.key
    return cluster


def _full_name(name: str) -> bool:
    """A first name and a surname: two words, or more when the name data knows the first as a first name."""
    words = name.split()
    return len(words) == 2 or (len(words) > 2 and _gender(words[0]) is not None)


def lone_first_name_gender(cluster: Cluster, surnames: set[str]) -> str | None:
    """ "m" or "f" for a person named only by a first name the name data knows ("Marilyn"), when
    no full name of the article ends in that word (then it is a surname); else None."""
    names = [n for n in cluster.names if cluster.names[n] > 0]
    if not names or any(len(n.split()) != 1 for n in names):
        return None
    genders = {_gender(n) for n in names if normalize_name(n) not in surnames}
    genders.discard(None)
    return genders.pop() if len(genders) == 1 else None


def _gender(word: str) -> str | None:
    gender = name_gender(word)
    if gender is not None:
        return "m" if gender == "male" else "f"
    return FIRST_NAME_GENDER.get(word.lower())


def misspelt_surname(word: str, cluster: Cluster) -> bool:
    """Whether a lone word of five letters or more is a person's surname but for one letter left
    out ("Mauer" for "Maurer", "Water" for "Waters"), the surname of a full name of theirs. A letter
    added is no typo ("Polaroids" is the plural of "Warhol Polaroid"'s last word)."""
    if " " in word or len(word) < 5 or not word[:1].isupper():
        return False
    for name in cluster.names:
        words = name.split()
        if len(words) >= 2 and _full_name(name) and _one_letter_apart(word.lower(), words[-1].lower()):
            return True
    return False


def _one_letter_apart(short: str, long: str) -> bool:
    if len(long) - len(short) != 1 or short[0] != long[0]:
        return False
    return any(long[:k] + long[k + 1 :] == short for k in range(1, len(long)))

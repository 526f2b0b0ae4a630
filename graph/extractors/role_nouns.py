"""The title a role noun makes and the organisation it names, for :mod:`graph.extractors.roles`:
``Acme's chief financial officer`` (a possessive), ``Rovers coach`` (a name before it), ``director of
research at Yale`` (``of`` phrases that are the title's and ``at`` phrases that name the employer).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import HONORIFICS, ROLE_MODIFIERS
from ..syntax import kids, subtree_indices
from .role_extra import client_of, client_to, conjoined_organisation, is_client_role
from .role_titles import _ORG_LABELS, _ORG_PREPOSITIONS, _is_org_word, is_role_word, person_span

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = ["title_of_noun"]


def title_of_noun(doc: Doc, role: Token, person: Token) -> tuple[list[int], list[int]]:
    """The role words of a role noun and the organisation its modifiers, possessive or PP name."""
    person_words = set(subtree_indices(person)) if person.i > role.i else set()
    name_words = set(person_span(doc, person))
    title = [role.i]
    organisation: list[int] = []
    glued: set[int] = set()
    places: set[int] = set()  # a place between a possessive and the role
    for i in range(role.i - 1, -1, -1):
        token = doc[i]
        if i in name_words:
            break  # "appointed Kenji Watanabe chairman": the name glued before the role is no organisation
        if i in glued or (
            token.text == "-" and not token.whitespace_ and i > 0 and (i + 1) in title and is_role_word(doc[i + 1])
        ):
            if not doc[i - 1].whitespace_ and doc[i - 1].is_alpha:
                glued.add(i - 1)  # "co-founder", whatever the parser made of the hyphen
            title.append(i)
            continue
        if token.tag_ == "POS" or token.dep_ == "case":
            continue  # the "'s" of a possessive: its owner comes next
        if token.head.i not in (role.i, *title, *places) or token.dep_ not in ("compound", "amod", "nmod", "poss"):
            if token.text in ("-",) and token.head.i in (role.i, *title):  # "free-lance writer"
                title.append(i)
                continue
            organisation = conjoined_organisation(role, token)  # "Harwick City and Portugal coach"
            break
        owners = [c for c in kids(role) if c.dep_ == "poss" and c.pos_ != "PRON"]
        client = bool(owners) and owners[0].ent_type_ == "PERSON" and is_client_role(role)
        if (
            owners
            and token.dep_ != "poss"
            and (token.ent_type_ in ("GPE", "LOC") or (client and token.pos_ == "PROPN"))
        ):
            places.add(i)
            continue  # "Barkley's Winter Park lawyer", "Acme's Ohio plant manager": the owner comes next
        if token.dep_ == "poss":
            if token.pos_ != "PRON":
                organisation = [j for j in subtree_indices(token, skip_deps=("case",)) if doc[j].tag_ != "POS"]
            elif token.dep_ == "poss" and token.lower_ in ("its", "their"):
                organisation = [token.i]
            elif token.lower_ in ("his", "her"):
                organisation = client_of(doc, token, role)  # "his attorney, Robert Jenkins"
            break
        if (
            token.ent_type_
            and role.ent_iob_ == "I"
            and token.is_title
            and all(t.ent_iob_ == "I" for t in doc[i + 1 : role.i + 1])
        ):
            title.append(i)  # "Unidel Professor", one name with its role: a named chair, not an employer
            continue
        if token.ent_type_ in _ORG_LABELS or (
            token.pos_ == "PROPN"
            and not is_role_word(token)
            and token.lower_ not in ROLE_MODIFIERS
            and token.lower_.rstrip(".") not in HONORIFICS
        ):
            organisation = [j for j in subtree_indices(token) if j < role.i]
            break
        title.append(i)
    title.sort()
    owned = bool(organisation)  # "Acme's director of research": the "of" phrase is still the title's
    for prep in kids(role):
        client = client_to(role, prep, person_words)
        if client:  # "an aide to Senator Ann Ruiz": the person served
            organisation = client
            break
        if prep.dep_ != "prep" or prep.lower_ not in _ORG_PREPOSITIONS:
            continue
        objs = [o for o in kids(prep) if o.dep_ == "pobj" and o.i not in person_words]
        if not objs:
            continue
        obj = objs[0]
        if prep.lower_ == "in" and obj.ent_type_ in ("GPE", "LOC"):
            continue  # "a nurse in Ohio": where the person works or lives, no organisation
        # "secretary of state", "minister for health": a bare lower-case noun is the title's
        bare = (
            prep.lower_ in ("of", "for")
            and obj.is_lower
            and obj.tag_ in ("NN", "NNP")  # not "lawyer for defendants"
            and not list(obj.children)
        )
        if _is_org_word(obj) and obj.ent_type_ not in ("DATE", "TIME") and not bare:  # "secretary of state"
            if owned:
                break
            organisation = subtree_indices(obj, skip_deps=("relcl", "appos", "acl", "punct", "conj", "cc", "prep"))
            if obj.ent_type_ in _ORG_LABELS and obj.pos_ == "PROPN":
                organisation = subtree_indices(obj, skip_deps=("relcl", "appos", "acl", "punct", "conj", "cc"))
            break
        owners = [c for c in kids(obj) if c.dep_ == "poss" and c.pos_ == "PROPN" and _is_org_word(c)]
        if prep.lower_ == "of" and owners and not owned:  # "head of Acme's European business"
            organisation = [j for j in subtree_indices(owners[0], skip_deps=("case",)) if doc[j].tag_ != "POS"]
            break
        if (
            (prep.lower_ == "of" or bare)
            and (obj.pos_ == "NOUN" or bare)
            and not any(c.dep_ in ("det", "nummod", "poss") for c in kids(obj))  # "author of three novels"
        ):
            title.extend(
                [
                    prep.i,
                    *[
                        j
                        for j in subtree_indices(
                            obj, skip_deps=("relcl", "appos", "acl", "punct", "conj", "cc", "prep")
                        )
                        if doc[j].pos_ != "DET"
                    ],
                ]
            )
            # "professor of economics at Yale": the organisation may follow
            for inner in kids(obj):
                if inner.dep_ == "prep" and inner.lower_ in ("at", "with", "for"):
                    for o in kids(inner):
                        if o.dep_ == "pobj" and _is_org_word(o):
                            organisation = subtree_indices(
                                o, skip_deps=("relcl", "appos", "acl", "punct", "conj", "cc")
                            )
            if organisation:
                break
            continue
    organisation = [i for i in organisation if i not in person_words and doc[i].pos_ != "DET" and doc[i].tag_ != "POS"]
    return sorted(title), organisation

"""How salient each mention of an article is, for choosing a pronoun's antecedent.

After Lappin and Leass (1994): a mention weighs by its grammatical role (:meth:`Salience.weight`);
the pronoun's resolver (:meth:`graph.resolve.anaphora.Anaphora.antecedent`) halves it for every
sentence back and adds up an entity's strongest mention of each sentence. Hobbs's (1978) search,
which goes up the tree from the pronoun, adds the subject of the nearest clause around it
(:meth:`Salience.commanding_subjects`), and binding theory rules out the understood subject of
an infinitive for its object (:meth:`Salience.controller`).

The dependency tree is read once into plain lists (heads, relations, lemmas), so a pronoun costs
no spaCy token look-ups.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..syntax import doc_tree

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["COLLECTIVE_NOUNS", "Salience"]

#: quantity words before "of" whose phrase's entity is the noun after it ("many of the stars")
_PARTITIVES = {"many", "some", "most", "all", "none", "one", "two", "three", "each", "both", "several", "few", "any"}
#: singular nouns for groups of people, which "they" may stand for ("the team ... they")
COLLECTIVE_NOUNS = {
    "team",
    "group",
    "crew",
    "band",
    "squad",
    "staff",
    "family",
    "couple",
    "police",
    "government",
    "council",
    "committee",
    "board",
    "club",
    "union",
    "army",
    "audience",
    "delegation",
    "panel",
    "jury",
    "side",
}
_VERBS = ("VERB", "AUX")
_RELATIVES = {"who", "which", "that", "whom", "whose"}
_SUBJECTS = ("nsubj", "nsubjpass")


class Salience:
    """Role weights and clause structure of one parsed article, from plain lists."""

    def __init__(self, doc: Doc, name_of_token: dict[int, str]) -> None:
        from spacy.attrs import LEMMA, POS

        tree = doc_tree(doc)
        self.children = tree.children
        self.deps = tree.deps
        self.lower = [t.lower() for t in tree.texts]
        # parts of speech and lemmas from one array (no spaCy token per word)
        strings = doc.vocab.strings
        columns = doc.to_array([POS, LEMMA]).tolist() if len(doc) else []
        names = {value: strings[value] for row in columns for value in row}
        self.pos = [names[row[0]] for row in columns]
        self.lemma = [names[row[1]].lower() for row in columns]
        self.head = list(range(len(tree.children)))
        for parent, children in enumerate(tree.children):
            for child in children:
                self.head[child] = parent
        self.name_of_token = name_of_token
        self._weights: dict[int, float] = {}
        self.subjects: set[int] = set()  # tokens whose phrase is a subject (filled by :meth:`weight`)

    def weight(self, position: int) -> float:
        """How salient a mention is by its place in the sentence (Lappin and Leass's weights):
        100 for being there; the subject of the main clause 80 (of a clause inside it 40), an
        existential 70, a direct object 50, an indirect object or complement 40, the possessor of
        the subject 40; 80 when it is no part of another noun phrase; 50 when it is in no
        adverbial phrase. A name inside a name, a conjunct or an apposition takes its phrase's
        role, and "many of these stars" the role of "many"; a name before a common noun ("the
        Ardent video") is part of that noun's phrase."""
        weight = self._weights.get(position)
        if weight is not None:
            return weight
        head, deps, lower, in_name = self.head, self.deps, self.lower, self.name_of_token
        token = position
        dep, up = deps[token], head[token]
        while up != token and (
            dep in ("flat", "conj")
            or (dep == "appos" and token == position)  # not "X, a member of Y and [all his life]"
            or (
                dep == "compound"
                and self.pos[up] == "PROPN"
                and in_name.get(up, in_name.get(token)) == in_name.get(token)
            )
            or (dep == "pobj" and lower[up] == "of" and lower[head[up]] in _PARTITIVES)
        ):
            if dep == "pobj":
                up = head[up]
            token, dep, up = up, deps[up], head[up]
        weight = 100.0
        if dep in ("nsubj", "nsubjpass", "csubj"):
            self.subjects.add(position)
            verb = up
            while deps[verb] == "conj" and head[verb] != verb:
                verb = head[verb]
            weight += 80 if deps[verb] == "ROOT" else 40
        elif dep == "attr" and any(deps[c] == "expl" for c in self.children[up]):
            weight += 70  # "there are two ships": existential emphasis (a predicate nominal has none)
        elif dep == "dobj":
            weight += 50
        elif dep in ("dative", "iobj", "oprd"):
            weight += 40
        elif dep == "poss" and deps[up] in _SUBJECTS:
            weight += 40  # the possessor of the subject: "Smith's lawyers said ..."
        above = self.pos[head[up]]
        embedded = dep in ("poss", "nmod", "npadvmod", "compound") or (dep == "pobj" and above in ("NOUN", "PROPN"))
        if not embedded:
            weight += 80
        if not (dep == "pobj" and above in _VERBS):
            weight += 50
        self._weights[position] = weight
        return weight

    def commanding_subjects(self, position: int) -> set[int]:
        """The subject of the nearest clause the pronoun's clause is inside (Hobbs's search goes
        up to it first): "Korea said [it would ...]", "the officer fired [because he feared]"; an
        object that controls an infinitive counts as its subject ("asked Smith [to say he ...]")."""
        head, deps = self.head, self.deps
        found: set[int] = set()
        verb = head[position]
        while self.pos[verb] not in _VERBS and head[verb] != verb:
            verb = head[verb]  # up to the pronoun's own verb
        if head[verb] == verb:
            return found
        child, verb = verb, head[verb]
        for _ in range(6):
            if self.pos[verb] in _VERBS:
                for c in self.children[verb]:
                    if deps[c] in _SUBJECTS and c < position:
                        found.add(c)
                    elif deps[c] == "dobj" and deps[child] == "xcomp" and c < position:
                        found.add(c)  # "prompting an officer to shoot him because he ..."
            if found or head[verb] == verb:
                break  # the nearest clause up that has one
            child, verb = verb, head[verb]
        return found

    def controller(self, position: int) -> int | None:
        """The understood subject of an infinitive whose non-reflexive object the pronoun is:
        the object of the verb above ("asked the officer to tackle him"), else its subject."""
        verb = self.head[position]
        if self.deps[position] not in ("dobj", "dative") or self.lower[position].endswith(("self", "selves")):
            return None
        if self.deps[verb] != "xcomp":
            return None
        above = self.children[self.head[verb]]
        found = next((c for c in above if self.deps[c] == "dobj"), None)
        if found is None:
            found = next((c for c in above if self.deps[c] in _SUBJECTS), None)
        return found

    def modified_nouns(self, position: int) -> set[int]:
        """The nouns a relative clause around the pronoun describes with a subject of its own, which
        the pronoun cannot stand for: "a photographer [she had hired]" (but "people [who said they
        ...]" may be "they")."""
        head, deps = self.head, self.deps
        found: set[int] = set()
        token = position
        for _ in range(12):
            up = head[token]
            if up == token:
                break
            if deps[token] in ("relcl", "acl") and self.pos[up] in ("NOUN", "PROPN"):
                # only when the noun is not the clause's subject: "people who said they ..." are they
                subjects = [c for c in self.children[token] if deps[c] in _SUBJECTS]
                if subjects and all(self.lower[c] not in _RELATIVES for c in subjects):
                    found.add(up)
            token = up
        return found

    def acts(self, position: int, verbs: set[str]) -> bool:
        """Whether the mention is the subject of one of ``verbs`` (lemmas)."""
        return self.deps[position] == "nsubj" and self.lemma[self.head[position]] in verbs

    def speaks(self, position: int, verbs: set[str]) -> bool:
        """Whether the mention is a source: the subject of one of ``verbs`` (reporting verbs) or
        the one something is "according to"."""
        up = self.head[position]
        if self.deps[position] == "pobj" and self.lower[up] == "to":
            return self.lower[self.head[up]] == "according"
        return self.acts(position, verbs)

    def aside(self, position: int) -> bool:
        """Whether the mention opens a bracketed aside ("BlackBerry (TSX: BB)", "the court (ICC)"):
        a ticker, an acronym or a gloss, which pronouns do not go back to."""
        return position > 0 and self.lower[position - 1] == "("

    def collective(self, position: int) -> bool:
        """Whether the noun at ``position`` names a group of people with a singular noun."""
        return self.lemma[position] in COLLECTIVE_NOUNS

"""Function words: prepositions, pronouns, determiners and the lower-case words of a gloss."""

from __future__ import annotations

__all__ = [
    "ADVERBIAL_NOUNS",
    "AGENT_PREPOSITIONS",
    "DEFINITE_DETERMINERS",
    "DISCOURSE_NOUNS",
    "FIRST_PLURAL_PRONOUNS",
    "FIRST_SINGULAR_PRONOUNS",
    "GLOSS_FUNCTION_WORDS",
    "LIGHT_PREPOSITIONS",
    "PARTICIPANT_PREPOSITIONS",
    "PATIENT_PREPOSITIONS",
    "PERSON_PRONOUNS",
    "PLURAL_PRONOUNS",
    "PREPOSITIONAL_IDIOMS",
    "THING_PRONOUNS",
]

#: prepositions that attach the participant of a light verb's event noun
LIGHT_PREPOSITIONS = {"with", "on", "to", "for", "in", "about", "against", "between", "into", "at"}
#: prepositions of a nominalisation's patient ("the implementation of X") and agent ("by Y")
PATIENT_PREPOSITIONS = ("of",)
AGENT_PREPOSITIONS = ("by",)
#: prepositions of another participant of a possessed nominalisation ("X's visit to Y")
PARTICIPANT_PREPOSITIONS = ("to", "with", "on", "for", "against", "into", "from")
PERSON_PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
FIRST_SINGULAR_PRONOUNS = {"i", "me", "my", "mine", "myself"}
FIRST_PLURAL_PRONOUNS = {"we", "us", "our", "ours", "ourselves"}
#: determiners that make a noun phrase definite ("the Party", "this organization")
DEFINITE_DETERMINERS = ("the", "this", "that", "these", "those")

#: words a title-case gloss may contain in lower case ("Qutty Meken (Blessed Land of the Steppe)")
GLOSS_FUNCTION_WORDS = {
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "for",
    "to",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "is",
    "are",
    "as",
    "into",
    "&",
}
#: nouns of multiword prepositions and frames ("in light of", "in the context of", "as part of"):
#: a phrase headed by one is no participant of the event
PREPOSITIONAL_IDIOMS = {
    "light",
    "context",
    "addition",
    "response",
    "term",
    "terms",
    "line",
    "view",
    "behalf",
    "spite",
    "order",
    "part",
    "case",
    "respect",
    "regard",
    "fact",
    "way",
    "effort",
    "bid",
    "attempt",
    "process",
    "course",
    "wake",
    "face",
    "favor",
    "favour",
    "accordance",
    "connection",
    "relation",
    "lieu",
    "lack",
    "turn",
    "wit",
    "means",
    "mean",
    "time",
    "moment",
    "end",
    "sideline",
    "sidelines",
    "instance",
    "example",
    "particular",
    "general",
    "total",
    "nod",
    "search",
    "hope",
    "charge",
}
#: nouns of adverbial phrases of manner or extent ("in its entirety", "paid in full", "met in private")
ADVERBIAL_NOUNS = {
    "entirety",
    "full",
    "part",
    "general",
    "particular",
    "advance",
    "private",
    "public",
    "secret",
    "person",
}
#: nouns of discourse adverbials ("as a result", "in the end", "in fact", "for example", "on the
#: other hand", "of course", "at least"): a bare phrase headed by one links sentences, it is no
#: participant or circumstance of the event
DISCOURSE_NOUNS = {
    "result",
    "end",
    "fact",
    "addition",
    "contrast",
    "turn",
    "instance",
    "example",
    "particular",
    "general",
    "short",
    "sum",
    "conclusion",
    "meantime",
    "course",
    "least",
    "hand",
    "contrary",
    "effect",
    "reality",
    "theory",
    "principle",
}

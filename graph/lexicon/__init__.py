"""Closed English word lists: the words the rules of the extractors and of resolution name.

Every rule in :mod:`graph.extractors` and :mod:`graph.resolve` that tests a word against a list
takes the list from here, so the vocabulary the system knows is in one place and can be read,
reviewed and extended without reading the rules. Only closed classes and small lexicons of
English (and the surname endings of names written in Latin script) belong here; dependency labels
and NER labels are grammar of the parser, not words, and stay with the rules that read them.

The lists live in modules by kind of word (:mod:`.verbs`, :mod:`.roles`, :mod:`.nouns`,
:mod:`.function_words`); this package re-exports every one of them.
"""

from __future__ import annotations

from .function_words import (
    AGENT_PREPOSITIONS,
    DEFINITE_DETERMINERS,
    FIRST_PLURAL_PRONOUNS,
    FIRST_SINGULAR_PRONOUNS,
    GLOSS_FUNCTION_WORDS,
    LIGHT_PREPOSITIONS,
    PARTICIPANT_PREPOSITIONS,
    PATIENT_PREPOSITIONS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    THING_PRONOUNS,
)
from .nouns import (
    CATEGORY_NOUNS,
    DEMONYMS,
    FEMALE_WORDS,
    GOVERNMENT_HEADS,
    MALE_WORDS,
    ORGANIZATION_HEADS,
    PERSON_NOUNS,
    PROGRAMME_HEADS,
    SURNAME_ENDINGS,
    TIME_WORDS,
    UNIT_WORDS,
)
from .roles import (
    ADDRESS_TITLES,
    COMPANY_ROLE_NOUNS,
    COUNTERPART_NOUNS,
    DEPUTY_WORDS,
    HONORIFICS,
    ROLE_ABBREVIATIONS,
    ROLE_HEAD_NOUNS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    ROLE_TITLE_NOUNS,
    ROLE_UNIT_NOUNS,
)
from .verbs import (
    APPOINTING_VERBS,
    LIGHT_VERBS,
    MODAL_LEMMAS,
    MODAL_VERBS,
    QUOTING_VERBS,
    REPORTING_VERBS,
    ROLE_COPULAS,
    ROLE_VERBS,
    SPEECH_VERBS,
)

__all__ = [
    "ADDRESS_TITLES",
    "AGENT_PREPOSITIONS",
    "APPOINTING_VERBS",
    "CATEGORY_NOUNS",
    "DEMONYMS",
    "COMPANY_ROLE_NOUNS",
    "COUNTERPART_NOUNS",
    "DEFINITE_DETERMINERS",
    "DEPUTY_WORDS",
    "FEMALE_WORDS",
    "FIRST_PLURAL_PRONOUNS",
    "FIRST_SINGULAR_PRONOUNS",
    "GLOSS_FUNCTION_WORDS",
    "GOVERNMENT_HEADS",
    "HONORIFICS",
    "LIGHT_PREPOSITIONS",
    "LIGHT_VERBS",
    "MALE_WORDS",
    "MODAL_LEMMAS",
    "MODAL_VERBS",
    "ORGANIZATION_HEADS",
    "PARTICIPANT_PREPOSITIONS",
    "PATIENT_PREPOSITIONS",
    "PERSON_NOUNS",
    "PERSON_PRONOUNS",
    "PLURAL_PRONOUNS",
    "PROGRAMME_HEADS",
    "QUOTING_VERBS",
    "REPORTING_VERBS",
    "ROLE_ABBREVIATIONS",
    "ROLE_COPULAS",
    "ROLE_HEAD_NOUNS",
    "ROLE_MODIFIERS",
    "ROLE_NOUNS",
    "ROLE_TITLE_NOUNS",
    "ROLE_UNIT_NOUNS",
    "ROLE_VERBS",
    "SPEECH_VERBS",
    "SURNAME_ENDINGS",
    "THING_PRONOUNS",
    "TIME_WORDS",
    "UNIT_WORDS",
]

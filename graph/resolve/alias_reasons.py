"""Why two names were merged into one entity, in words (for ``newsgraph entities`` and the catalog)."""

from __future__ import annotations

from .entities import acronym_of, clean_name, is_acronym, is_short_form, normalize_name, transliteration_key

__all__ = ["explain_alias"]


def explain_alias(label: str, alias: str) -> str:
    """Why an alias was merged with a label, in words (for ``newsgraph entities``)."""
    if normalize_name(alias) == normalize_name(label):
        return "same name (case, punctuation, diacritics)"
    if transliteration_key(alias) == transliteration_key(label):
        return "transliteration variant"
    if is_acronym(alias) and acronym_of(label) == clean_name(alias).replace(".", ""):
        return "acronym"
    if is_short_form(alias, label, person=True) or is_short_form(alias, label, person=False):
        return "short form"
    if is_short_form(label, alias, person=True) or is_short_form(label, alias, person=False):
        return "longer form"
    return "coreference in an article (apposition, gloss, title or gazetteer)"

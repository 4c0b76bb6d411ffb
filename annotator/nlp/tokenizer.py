"""The tokenizer for case files, registered with spaCy and named in models/pipeline.cfg.

It is spaCy's rule-based tokenizer for the language, splitting off four more things: a period
that ends a sentence after a mixed-case acronym ("linked to TdA."), like any other, so the
acronym can match; a footnote mark glued to a word ("gang member.[1]", "ICEGangs.[fn 46]",
"center.(45)"); and, in Spanish as spaCy does in English, a hyphen between words, so that the
words of a compound match on their own ("Fuerza de Tarea SAFE-Guatemala", "ex-pandillero"); and
a dash glued to one word only, as a folded em dash opens or closes an aside ("como SLS- que",
"-identificada como"), so the word matches on its own.
Built in one go: setting a suffix rule on a built tokenizer makes spaCy load its special cases
again, which costs a tenth of a second on every start.
"""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.lang.char_classes import ALPHA, HYPHENS
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

EXTRA_SUFFIXES = (r"(?<=[a-z][A-Z])\.", r"\[\d{1,3}\]", r"(?<=[A-Za-z0-9])-")
EXTRA_PREFIXES = (r"-(?=[A-Za-z])",)
EXTRA_INFIXES = (
    r"(?<=[A-Za-z0-9])\.(?=\[)",
    r"(?<=\.)\[(?=[A-Za-z0-9])",
    r"(?<=[A-Za-z])\.(?=\(\d)",
    r"(?<=\.)\((?=\d)",
    rf"(?<=[{ALPHA}0-9])(?:{HYPHENS})(?=[{ALPHA}])",
)
"""A sentence's period glued to a bracketed note ("and ICEGangs.[fn 46]", a law review's
"a fusion center.(45)"): both split off; a hyphen between words, as spaCy's English infixes
split it."""


@spacy.registry.tokenizers("casefile_tokenizer_v5")
def make_tokenizer() -> Callable[[Language], Tokenizer]:
    def build(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=compile_prefix_regex([*defaults.prefixes, *EXTRA_PREFIXES]).search,
            suffix_search=compile_suffix_regex([*defaults.suffixes, *EXTRA_SUFFIXES]).search,
            infix_finditer=compile_infix_regex([*defaults.infixes, *EXTRA_INFIXES]).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return build

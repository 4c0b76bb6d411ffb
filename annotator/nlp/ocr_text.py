"""Matching that survives OCR: an OCR'd page's text put right toward the lexicon's own words.

Tesseract misreads the very words that matter on a bad scan: a letter for another that looks
like it ("CaIGang", "Surefios" for "Sureños", "MS-l3", "Barno 18" for "Barrio 18"), a space lost
or added ("RedNotice", "Salva trucha"), a speck read as punctuation between two words
("Gang;Assessment", "Red ' Notice") or as a stray letter between two lines. Before detection an
OCR'd page's text is repaired toward the words of the lexicon (every word its phrases, patterns
and cues are made of): a word within a small, OCR-weighted edit distance of exactly one lexicon
word is read as that word; two pieces that make a lexicon word are joined; a word made of two
lexicon words that stand together in a phrase is split; junk between two such words goes.

Only OCR'd pages are repaired (PageText.ocr_done), so a born-digital page keeps its precision;
and a repair only matters where it completes a match, so a plain word put right does no harm.
The repaired text keeps a map back to the page's own text, like normalize.fold, so findings keep
their offsets and word boxes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, pairwise, product
from typing import Any

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.normalize import Folded, fold, fold_phrase
from annotator.nlp.ocr_distance import SPLIT_READINGS, distance

_TOKEN = re.compile(r"[^\W_]+")
_SHORTEST = 4
"""Words shorter than this are left as read, but for letters read as digits ("5AFE")."""
_DIGIT_FOR = str.maketrans("oOlIi|sSbBzZ", "001111558822")
_LETTER_FOR = str.maketrans("0158", "OISB")
_JUNK = re.compile(r"[\s.,;:'`\"“”‘’«»„~_\-|!*^°·•]+")
"""What may stand between two words of a phrase on a bad scan: spaces and specks."""
_BRIDGE_JUNK = re.compile(r"[\s.,;:'`\"“”‘’«»„~_\-|!*^°·•—–]+")
"""The same, with dashes, between two words that stand together in a phrase ("Centro Estatal
de Fusión — *⏎y de Inteligencia")."""
_GLUED_MARK = re.compile(
    r"(?:(?<=[)\]])|(?<=[)\]][,;])|(?<=[^\W_])\.)['’`´]+(?=[^\W\d_])(?!(?:s|t|d|m|ll|re|ve)(?![^\W_]))"
)
"""A speck read as a quote after a closing bracket or a stop, against the next word
("(CEFI)'ha", "El CEFI.'que", "(VM18),'una"): print puts a space there."""
_BAR_BEFORE_NAME = re.compile(r"(?<![^\W_])[l|](?=[A-Z][a-z]{2,})")
"""A speck read as "l" or "|" before a capitalised name ("la clica lJocotales Locos")."""
_HYPHEN_MARKS = re.compile(r"(?<=[^\W\d_])-[=~_]+(?=\n[a-z])")
"""A line-end hyphen read with a speck after it ("pan-=⏎dilleros"): the hyphen alone."""
_HYPHEN_NOISE = re.compile(r"(?<=[a-z]{3})-(?:[^\S\n]+[A-Za-z]{1,2}(?![^\W_]))+[^\S\n]*(?=\n[a-z])")
"""A line-end hyphen with noise read as a letter or two after it, one in capitals ("notif- E
o⏎icaciones")."""
_CODE_MARK = re.compile(r"(?<![^\W_])([A-Z]{1,3})[:+](\d\d)(?![^\W_]|[:,]\d)")
"""A code's hyphen read as a colon or a plus ("M:18" for "M-18"); never a time ("M:18:05")."""
_CODE_DIGIT = re.compile(r"(?<![^\W_])(\d{2})-([0158])(?![^\W_])")
"""A code's letter after its hyphen read as a digit ("la 18-5" for "la 18-S")."""
_SENTENCE_END = re.compile(r"[.!?][\s\"')]")
"""A sentence's end: two words of a phrase either side of it are two sentences, not specks
(unless the second starts with a small letter). A colon or semicolon is taken for a speck."""
_QUOTED = re.compile(r"\s[“\"«‘]$")
_CLOSING = frozenset("”\"»’'")
"""A space, then an opening quote against the next word, closed right after it: a word in
quotes, not a speck."""
_GLUE = frozenset("'`´’‘")
_CONTRACTIONS = frozenset("s t d m ll re ve".split())
"""Marks a speck is read as between two words with no space ("Sureño'associate"); English
contractions ('s, 't, 'll, 're, 've, 'd, 'm) are left alone."""
_BEFORE_BRACKET = re.compile(
    r"(?:[\s.,;:'`\"“”~_\-|!*^°·•]|(?<=\s)[^\W_]{1,2}(?=\s))+(?=\([A-Z][A-Za-z]{1,7}(?:-\d\d)?\))"
)
"""Specks, or noise read as a letter or two, between a name and the acronym in brackets after
it ("Fusión de Inteligencia : iE\n(CEFI)", "Dieciocho'(CDD-18)"): the acronym is only taken when
it follows the name."""
_MS13 = re.compile(
    r"(?<![^\W_])(?<!-)(?:(?:[MH#][S5$]|M5)[§°·]?[-–—~]?[1l|I2][3B]|(?:MS|M5)[-–—~]?[23]3)(?![^\W_])",
    re.IGNORECASE,
)
"""MS-13 as a bad scan gives it: "MS-23", "MS-33", "#S-13", "HS-13", "HS-23", "M5-l3", "MS§-13"
(never a bare "5-13", which may be an age range)."""
_GLUED_STOP = re.compile(r"(?<=[^\W\d_])[.,](?=([^\W\d_]+)(?![^\W_]|[.,][^\W_]))", re.UNICODE)
"""A speck read as a stop or comma between two words with no space ("involved.a gang"): print
puts a space after a sentence's end, so between small letters it is a speck; not in a web
address ("ice.gov") or a dotted abbreviation ("i.e.")."""
_GLUED_AFTER_CODE = re.compile(r"(?<=[^\W_][-:+]\d\d)[.,](?=[a-z]{2,}(?![^\W_]|[.,][^\W_]))")
"""A speck read as a stop between a code and the small word after it ("la MS-13.en San Pedro"):
never a decimal, which has a digit after the stop, nor a web address ("MS-13.org")."""
_HYPHENED = re.compile(r"([^\W_]+)-(?=([^\W_]+))")
_NEVER_LAST = frozenset(
    "a an the of and or to in for with by from as de del la las los el en y e o u con por para "
    "al una un su sus que".split()
)
"""Small words a sentence does not end on: a stop right after one is a speck ("a.member",
"la.clica", "de. Inteligencia"), not a sentence's end."""
_NOT_WORDS = frozenset("gov com org net edu mil int html pdf htm".split())
_CLOSED_WRONG = re.compile(r"\([^()\[\]{}]{1,40}?([}\]])")
"""A bracket opened with "(" and closed with a look-alike ("(also written "WFL"}")."""
_STRAYS = 2
"""Noise read as short "words" (up to 3 letters) that may stand between two words of a phrase
broken over a line."""
_PAIRED_LONG = 8
"""How long a lexicon word must be to be taken for the look-alike of its neighbour's partner."""
_SHORT_WORDS = frozenset(
    "to at is on it he we no ya mi tu se es so up us me be do ha has had was are age per "
    "mas hay dos son fue man men her his him its one two new old may can say see got get put "
    "set let ran era si su lo le les nos ni vez dia mes te ti va ve vi yo".split()
)
"""Real short words that stand before a number or a lexicon word ("from 14 to 18", "aged 18",
"si misma", "era rival"): never taken for misreads."""
_SHORT_BUDGET = 1.2
"""How far a short word before a number may be from the lexicon's: a letter misread or a slim
one ("t", "l", "i") read in."""
_IN_PHRASE = 1.0
"""How far a word may be from a lexicon word when its neighbour is that word's partner in a
phrase ("notificación Foja" for "notificación roja"): one letter misread, whatever it is."""


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The lexicon's words, folded and lower-cased, and the pairs its phrases put together."""

    words: frozenset[str]
    cased: dict[str, str]
    """A word's capitals where the lexicon requires them ("safe" -> "SAFE")."""
    pairs: frozenset[tuple[str, str]]
    deletions: dict[str, tuple[str, ...]]
    """Each word with one or two letters left out -> the words it comes from (for lookup)."""
    hyphened: frozenset[tuple[str, str]] = frozenset()
    """Pairs a phrase of the lexicon writes with a hyphen between them ("gang-involved")."""
    short: tuple[str, ...] = ()
    """The lexicon's words of two or three letters that stand first in a pair of a phrase."""


def fold_ocr(text: str, vocabulary: Vocabulary, language: str = "") -> Folded:
    """The text folded for matching (normalize.fold), after the OCR repairs; `language` (the
    page's, "en" or "es") tells the small words of the text from noise read as one."""
    first = [*_ms13(text), *_euro(text, vocabulary), *_code_digit(text, vocabulary)]
    first += _code_mark(text, vocabulary)
    more = [*_acronyms(text, vocabulary), *_bang_for_l(text, vocabulary)]
    more += [*_split_words(text, vocabulary), *_function_words(text)]
    more += [*_edits(text, vocabulary), *_brackets(text)]
    more += [*_glued_stops(text), *_specks(text, vocabulary), *_noise_words(text, language)]
    more += [*_page_names(text, vocabulary)]
    edits = _merged(sorted(first), more)
    if not edits:
        return fold(text)
    repaired, source = _apply(text, edits)
    folded = fold(repaired)
    inner = folded.source or list(range(len(folded.text) + 1))
    return Folded(folded.text, [source[i] for i in inner])


def vocabulary(lexicon: Lexicon) -> Vocabulary:
    """The lexicon's words: built once per Detector (a tenth of a second)."""
    words: set[str] = set()
    cased: dict[str, str] = {}
    pairs: set[tuple[str, str]] = set()
    hyphened: set[tuple[str, str]] = set()
    for rule in lexicon.rules + lexicon.excludes:
        for phrase in rule.phrases + rule.cased:
            pieces = _pieces(phrase)
            words.update(pieces)
            pairs.update(pairwise(pieces))
            folded = fold_phrase(phrase).lower()
            hyphened.update((m[1], m[2]) for m in _HYPHENED.finditer(folded))
        for phrase in rule.cased:
            pieces = _TOKEN.findall(fold_phrase(phrase))
            if len(pieces) == 1 and not pieces[0].islower():  # "SAFE", "BRIC", "GangNET"
                cased.setdefault(pieces[0].lower(), pieces[0])
        for pattern in rule.patterns:
            steps = [_pattern_words(spec) for spec in pattern]
            for step in steps:
                words.update(step)
            pairs.update(_pattern_pairs(steps, [_optional(spec) for spec in pattern]))
        for word in rule.cues + rule.near_words + rule.context + rule.link_words:
            words.update(_pieces(word.rstrip("*")))
    short = tuple(sorted({a for a, b in pairs if 2 <= len(a) < _SHORTEST and a.isalpha()}))
    return Vocabulary(
        frozenset(words),
        cased,
        frozenset(pairs),
        _deletion_index(words),
        frozenset(hyphened),
        short,
    )


def _pieces(phrase: str) -> list[str]:
    return [p.lower() for p in _TOKEN.findall(fold_phrase(phrase))]


def _pattern_words(spec: dict[str, Any]) -> set[str]:
    """The literal words a Matcher token spec accepts (LOWER/ORTH/TEXT, plain or IN a list)."""
    found: set[str] = set()
    for key in ("LOWER", "ORTH", "TEXT", "NORM"):
        value = spec.get(key)
        values = value.get("IN", []) if isinstance(value, dict) else [value]
        for v in values:
            if isinstance(v, str):
                found.update(_pieces(v))
    return found


def _optional(spec: dict[str, Any]) -> bool:
    """Whether a Matcher token spec may match nothing ("?", "*", "{0,3}")."""
    op = str(spec.get("OP", ""))
    return op in ("?", "*") or op.startswith("{0,") or op.startswith("{,")


def _pattern_pairs(steps: list[set[str]], optional: list[bool]) -> Iterator[tuple[str, str]]:
    """The pairs of words a pattern may put side by side: each step's with the next step's and,
    past steps that may match nothing, with the steps after them ("centro" [regional] "de")."""
    for i, step in enumerate(steps):
        for j in range(i + 1, len(steps)):
            yield from product(step, steps[j])
            if not optional[j]:
                break


def _deletion_index(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, set[str]] = {}
    for word in words:
        if len(word) >= _SHORTEST:
            for key in _deletions(word):
                index.setdefault(key, set()).add(word)
    return {key: tuple(sorted(found)) for key, found in index.items()}


def _deletions(word: str) -> set[str]:
    """The word with up to two letters left out (one for a short word)."""
    most = 1 if len(word) <= 5 else 2
    out = {word}
    for n in range(1, most + 1):
        for gone in combinations(range(len(word)), n):
            out.add("".join(ch for i, ch in enumerate(word) if i not in gone))
    return out


# -- finding the repairs ---------------------------------------------------------------------

Edit = tuple[int, int, str]
"""Replace text[start:end] with the string."""


def _edits(text: str, vocabulary: Vocabulary) -> Iterator[Edit]:
    """The repairs, in order and not overlapping."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    fixed = [_repair(token, vocabulary) for _, _, token in tokens]
    keys = [fold_phrase(f or t).lower() for f, (_, _, t) in zip(fixed, tokens, strict=True)]
    for i in range(len(tokens)):
        if fixed[i] is None and (keys[i] not in vocabulary.words or _unpaired(i, keys, vocabulary)):
            partner = _partner(i, keys, vocabulary)
            if partner is None and _small_or_slim(tokens[i][2]):
                partner = _short_partner(i, keys, vocabulary)
            if partner is not None and partner != keys[i]:
                fixed[i], keys[i] = _cased(partner, tokens[i][2], vocabulary), partner
    done = 0  # text before this offset is settled
    for i, (start, end, _) in enumerate(tokens):
        if start < done:
            continue
        if i + 1 < len(tokens):
            joined = _join(text, tokens[i], tokens[i + 1], keys[i], keys[i + 1], vocabulary)
            if joined:
                yield start, tokens[i + 1][1], joined
                done = tokens[i + 1][1]
                continue
        repaired = fixed[i]
        if repaired is not None:
            yield start, end, repaired
        done = end
        glue = _unglue(text, i, tokens, keys, vocabulary)
        if glue is not None:
            yield glue
            done = glue[1]
            continue
        gap = _bridge(text, i, tokens, keys, vocabulary)
        if gap is not None:
            yield gap
            done = gap[1]


def _brackets(text: str) -> Iterator[Edit]:
    """Repairs around brackets: the specks before an acronym's bracket, a look-alike closing
    one."""
    for m in _BEFORE_BRACKET.finditer(text):
        if m.group() != " ":
            yield m.start(), m.end(), " "
    for m in _CLOSED_WRONG.finditer(text):
        yield m.start(1), m.end(1), ")"


def _glued_stops(text: str) -> Iterator[Edit]:
    for m in _GLUED_AFTER_CODE.finditer(text):
        if text[m.end() :].split(None, 1)[0].strip(".,;:") not in _NOT_WORDS:
            yield m.start(), m.end(), " "
    for m in _GLUED_STOP.finditer(text):
        left = text[: m.start()].rsplit(None, 1)[-1] if m.start() else ""
        small = left[-1:].islower() and m.group(1)[:1].islower()
        if not small or m.group(1).lower() in _NOT_WORDS or "." in left:
            continue
        word = _TOKEN.findall(left)[-1]
        if len(word) < 3 and (word not in _NEVER_LAST or len(m.group(1)) < 2):
            continue  # "e.g", "a.m", "a.k.a": only a small word a sentence never ends on
        yield m.start(), m.end(), " "


_VOWELS_ONLY = re.compile(r"(?<![^\W_])[aeiouAEIOU]{2,5}(?![^\W_])[^\S\n]*")
"""Noise a speckled margin is read as: a "word" of vowels alone ("eee", "eeu", "Ee", "aoe")."""
_VOWEL_WORDS = frozenset("ea oi io ia au eu ai ay oa ee".split())
"""Real words and abbreviations made of vowels alone, kept."""


_LONE_LETTER = re.compile(r"(?<=[^\W\d_]) [b-df-hj-np-tv-xz](?=\n[^\W\d_])|(?<=[^\W\d_]) i(?=\n)")
"""Noise at a line's end read as a lone small letter no language here has for a word ("(also
i⏎written"): never "a", "e", "o", "u" or "y"."""


_LINE_DIGIT = re.compile(r"(?<=[^\W\d_]\n)[1-9] (?=[a-z]{3,})")
"""Noise in the margin read as a lone digit at a line's start ("the police⏎2 called"); a
number after a small word ("of⏎2 cliques") stays, one after another word may go with it."""


_HYPHEN_DIGIT = re.compile(r"(?<=[^\W\d_]-\n)[1-9] (?=[a-z]{3,})")
"""The same after a line-end hyphen ("Sec-⏎1 urity"): a word goes on there, never a number."""


_NAME_STRAY = re.compile(r"(?<=[a-záéíóúñ]\n)([^\W\d_]{1,2}) (?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,})")
"""Noise read as a letter or two at a line's start inside a name broken over the line
("Guanacos Criminales⏎on Salvatrucha")."""
_SHORT_WORDS_OF = {
    "es": frozenset(
        "a e o u y de la el en lo le se si su tu mi ni ya yo al un es me te va ve da di ha he "
        "no os".split()
    ),
    "en": frozenset(
        "a i on in at to of by or an as is it he we me my no so up us be do go if am".split()
    ),
}
"""The words of one or two letters of each language: what else stands there is noise."""


def _noise_words(text: str, language: str = "") -> Iterator[Edit]:
    """Noise read as a word of vowels alone, left out ("the Colonia Chiques,⏎eeu a criminal
    street gang", "Barrio 18 3⏎eee gang"), or as a lone letter at a line's end."""
    for m in _VOWELS_ONLY.finditer(text):
        word = m.group().strip()
        if not word.isupper() and word.lower() not in _VOWEL_WORDS:  # "AA", "EE UU" stay
            yield m.start(), m.end(), ""
    for m in _LONE_LETTER.finditer(text):
        yield m.start(), m.end(), ""
    for m in _LINE_DIGIT.finditer(text):
        before = _TOKEN.findall(text[max(0, m.start() - 20) : m.start()])[-1]
        if before.lower() not in _NEVER_LAST:  # "members of⏎2 cliques": a real number
            yield m.start(), m.end(), ""
    for m in _HYPHEN_DIGIT.finditer(text):
        yield m.start(), m.end(), ""
    words = _SHORT_WORDS_OF.get(language)
    for m in _NAME_STRAY.finditer(text) if words else ():
        before = text[max(0, m.start() - 30) : m.start()].split()[-1:]
        if m.group(1).lower() not in words and before and before[0][:1].isupper():
            yield m.start(), m.end(), ""


_GLUED_QUOTE = re.compile(r"(?<=[^\W\d_])([\"”“])(?=([^\W\d_]+))")
"""A quote glued between two words, its space lost ("the Trinitarios\"and alleges")."""
_QUOTE_STOP = re.compile(r"(?<=[^\W\d_][\"”’])[.,](?=[a-z]{2,}(?![^\W_]))")
"""A speck read as a stop after a closing quote, against the next word ("\"shot caller\".de")."""
_QUOTE_AFTER_SMALL = re.compile(r"(?<![^\W_])([a-z]{1,3})([‘’'`])(?=[^\W\d_]{3,})")
"""A speck read as a quote glued after a small word ("a‘lvcal group"): not an elision or a
contraction, which no small word of the list ends on."""
_UNCLOSED = re.compile(r"(?<=[^\W\d_]\n)[“\"](?=[A-Z][a-z])")
"""An opening quote at a line's start, inside a sentence, that no quote closes: a speck
("Pacífico⏎“Norte (CPN)", "Estados⏎\"Unidos"); one after a sentence's end opens a quote."""
_CLOSES = re.compile(r"[”\"“]")
_STARRED = re.compile(
    r"(?<![^\s(])\*(?=[^\W\d_][^*\n]{0,60}?[^\W_]\*(?![^\W_]))|(?<=[^\W_])\*(?![^\W_])"
)
"""Quotes read as asterisks: a word or two between asterisks ("*Revolucionarios*"), or an
asterisk closing a quoted word ("“sicarios de Los Trece Colmillos*")."""


_BANG_FOR_L = re.compile(r"(?<![^\W_])([^\W\d_]{2,})!(?=[^\W\d_]|[^\S\n]+[a-z])")
"""An "l" read as "!" at or inside a word, with more of the sentence after it ("Centro Naciona!
de Fusión", "stil! one"): a "!" ends a sentence, so a small letter does not follow it."""
_HYPHEN_AFTER_SMALL = re.compile(
    r"(?<![^\W_]|-)(?:the|The|of|and|an|de|del|la|las|los|el|con|por|para|una|que)-(?=[^\W\d_]{2})"
)
"""A speck read as a hyphen glued after a small word, in a line ("the-Norris Boys"): no such
word is the first half of a compound, unless inside one ("blue-and-white")."""
_SMALL_EURO = re.compile(r"(?<![^\W_])([a-z]*)€([a-z]+)(?![^\W_])")
"""A word in small letters with a euro sign in it: an "e" or a "c" read with a speck ("€meese",
"€laiming")."""


_DOUBLE_STOP = re.compile(r"(?<=[^\W\d_])\.\.(?!\.)")
"""A stop read twice ("one of the MS..⏎The"): an ellipsis has three."""
_BLANK_AFTER_SMALL = re.compile(
    r"(?<![^\W_])(?:the|of|a|an|to|de|del|la|las|los|el|en|y|con|por|para|que)\n(?:[^\S\n]*\n)+",
    re.IGNORECASE,
)
"""A blank line read after a small word no paragraph ends on ("members of⏎⏎\"Tango\""): the
sentence goes on."""
_STRAY_QUOTE = re.compile(r"(?<=[^\S\n])[‘'`](?=([^\W\d_]{3,})([^\W_]*)(?!['’]))")
"""A speck read as an opening single quote inside a line, before a word that no quote closes
("Locos 'Salvatrucha", "Raperos” ‘clique"); one at a line's start may stand for a lost stop."""
_LINE_END_DIGIT = re.compile(r"(?<=[^\W\d_],) [1-9](?=\n[a-z])")
"""Noise read as a lone digit after a comma at a line's end ("Los Vistosos, 3⏎an offshoot")."""
_DOUBLED_QUOTE = re.compile(r"(?<=[^\W\d_]|\s)[\"“”]{2}(?=[^\W\d_])")
"""An opening quote read twice, or with a speck as another ("or a\"\"homeboy\"")."""
_STOP_BEFORE_DASH = re.compile(r"(?<=[\"”])\.(?=[—–])")
"""A speck read as a stop between a closing quote and a dash ("ilícitas\".— and")."""
_STOP_BEFORE_COMMA = re.compile(r"(?<=\d)\.(?=,)")
"""A speck read as a stop between a number and its comma ("Varrio Bakers 13.,")."""
_LINE_START_MARK = re.compile(
    r"(?<![^\W_])(?:the|of|a|an|de|del|la|las|los|el)\n[*•·«»+] (?=[^\W\d_])", re.IGNORECASE
)
"""A speck read as a mark at a line's start, after a small word no line of a list ends on
("members of the⏎* Avenues")."""
_MARKS_BEFORE_SMALL = re.compile(r"(?<=\s)[-.,~'`]{2,3}(?=(?:la|las|los|el|the|a|of)\s)")
"""Specks read as marks glued before a small word ("por el contrario, -.la MS")."""
_INITIAL_GLUED = re.compile(r"(?<![^\W_])[A-Z]\.(?=([A-Z][A-Za-z]{2,7})(?![^\W_]))")
"""A list's letter glued to the heading after it ("B.SAFE")."""


_SMALL_READ = re.compile(r"(?<![^\W_]|['’])[a-z]{3,4}(?![^\W_]|['’])")
_FUNCTION_WORDS = ("and", "the", "que", "los", "las", "del", "con", "por", "una", "for", "from")
"""Small words a bad scan misreads by a look-alike letter ("ahd", "tbe", "tlie"): a list or a
phrase the detector reads runs through them."""
_REAL_SMALL = frozenset(
    "arid tho quo les tos per com def dei dol uma corr cori gon lor tor".split()
)
"""Real words a look-alike letter away from a small word: left as read."""
_ARTICLE_BEFORE_NAME = {"les": "los"}
"""A real word read for an article, told by the name after it: the pronoun "les" comes before
a verb, never before a name ("la clica de les Normandie")."""
_SPLIT_BY_STRAY = re.compile(r"(?<![^\W_])([^\W\d_]{4,}) [^\W\d_]{1,2}\n([^\W\d_]{2,})(?![^\W_])")
"""A word broken at a line's end with noise read as a letter after its first part
("Notificac a⏎ión Roja")."""
_DOUBLE_MARK = re.compile(r"(?<=[^\W\d_])([.,;:])[.,;:](?=[a-z]{2})")
"""Two marks glued between two words ("rojas,.la"): the first, and the space lost."""
_SPLIT_ACRONYM = re.compile(r"(?<![^\W_])([A-Z]) ([A-Z]{2,6})(?![^\W_])")
"""An acronym read with a space after its first letter ("(J RIC)")."""
_CLOSING_READ_H = re.compile(r"(?<=\()([A-Z]{2,6})H(?=\s)")
"""A bracketed acronym's last I and the bracket read as one "H" ("(CENFH y del")."""


_NAME_AFTER = re.compile(r"[^\S\n]+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,}")


@lru_cache(maxsize=8192)
def _function_word_for(word: str) -> str:
    """The one small word of _FUNCTION_WORDS a reading stands for, or "" (cached: most words of
    three or four letters are the same few)."""
    if word in _FUNCTION_WORDS or word in _REAL_SMALL:
        return ""
    near = [w for w in _FUNCTION_WORDS if distance(word, w, 0.45) <= 0.45]
    return near[0] if len(near) == 1 else ""


def _function_words(text: str) -> Iterator[Edit]:
    """A small word misread by a look-alike letter, put right: "ahd" -> "and"."""
    for m in _SMALL_READ.finditer(text):
        word = m.group()
        if word in _ARTICLE_BEFORE_NAME and _NAME_AFTER.match(text, m.end()):
            yield m.start(), m.end(), _ARTICLE_BEFORE_NAME[word]
            continue
        near = _function_word_for(word)
        if near:
            yield m.start(), m.end(), near


def _split_words(text: str, vocabulary: Vocabulary) -> Iterator[Edit]:
    """A word broken over a line with noise between its parts, a lexicon word once joined; an
    acronym read with a space after its first letter, or with its last I and its bracket read
    as "H"."""
    for m in _SPLIT_BY_STRAY.finditer(text):
        word = m.group(1) + m.group(2)
        key = fold_phrase(word).lower()
        if key in vocabulary.words and fold_phrase(m.group(1)).lower() not in vocabulary.words:
            yield m.start(), m.end(), word
    known = set(vocabulary.cased.values())
    for m in _SPLIT_ACRONYM.finditer(text):
        if m.group(1) + m.group(2) in known and m.group(2) not in known:
            yield m.start(), m.end(), m.group(1) + m.group(2)
    for m in _CLOSING_READ_H.finditer(text):
        if m.group(1) + "I" in known and ")" not in text[m.end() : m.end() + 20]:
            yield m.end() - 1, m.end(), "I)"


def _bang_for_l(text: str, vocabulary: Vocabulary) -> Iterator[Edit]:
    """The word with its "!" read as the "l" it was, put right as a lexicon word where it is one
    ("Naciona!" -> "Nacional"); only where it makes one: "them!" stays."""
    for m in _BANG_FOR_L.finditer(text):
        word = m.group(1) + "l"
        lexical = _repair(word, vocabulary) or word
        if fold_phrase(lexical).lower() in vocabulary.words:
            yield m.start(), m.end(), lexical


def _specks(text: str, vocabulary: Vocabulary) -> Iterator[Edit]:
    """Specks read as marks where print has none: a quote glued after a bracket or a stop, a
    bar before a name, a mark after a line-end hyphen; quotes glued to the next word or read as
    asterisks."""
    for m in _GLUED_MARK.finditer(text):
        yield m.start(), m.end(), " "
    for m in _GLUED_QUOTE.finditer(text):
        before = _TOKEN.findall(text[max(0, m.start() - 20) : m.start()])[-1].lower()
        if m.group(1) != "“" and m.group(2).lower() in _NEVER_LAST:  # closing, then "and"
            yield m.end(), m.end(), " "
        elif m.group(1) != "”" and before in _NEVER_LAST:  # "as\"members": opening
            yield m.start(), m.start(), " "
    for m in _QUOTE_STOP.finditer(text):
        yield m.start(), m.end(), " "
    for m in _QUOTE_AFTER_SMALL.finditer(text):
        if m.group(1) in _NEVER_LAST:
            yield m.start(2), m.end(2), " "
    for m in _UNCLOSED.finditer(text):
        if not _CLOSES.search(text, m.end(), m.end() + 80):
            yield m.start(), m.end(), ""
    for m in _STARRED.finditer(text):
        quote = _starred_quote(text, m.start())
        if quote != "*":
            yield m.start(), m.end(), quote
    for m in _BAR_BEFORE_NAME.finditer(text):
        yield m.start(), m.end(), ""
    for m in _HYPHEN_AFTER_SMALL.finditer(text):
        yield m.end() - 1, m.end(), " "
    for m in _DOUBLED_QUOTE.finditer(text):
        before = text[m.start() - 1 : m.start()]
        yield m.start(), m.end(), '"' if before.isspace() else ' "'
    for m in _STOP_BEFORE_DASH.finditer(text):
        yield m.start(), m.end(), " "
    for m in _DOUBLE_MARK.finditer(text):
        yield m.start(), m.end(), m.group(1) + " "
    for m in _DOUBLE_STOP.finditer(text):
        yield m.start(), m.end(), "." if text[m.end() : m.end() + 1].isspace() else ". "
    for m in _BLANK_AFTER_SMALL.finditer(text):
        at = m.group().index("\n")
        yield m.start() + at, m.end(), "\n"
    for m in _STRAY_QUOTE.finditer(text):
        after = text[m.end() : m.end() + 60].split("\n", 1)[0]
        if not re.search(r"[’'`´]", after):
            yield m.start(), m.end(), ""
    for rx in (_LINE_END_DIGIT, _STOP_BEFORE_COMMA, _MARKS_BEFORE_SMALL):
        for m in rx.finditer(text):
            yield m.start(), m.end(), ""
    for m in _LINE_START_MARK.finditer(text):
        yield m.end() - 2, m.end(), ""
    for m in _INITIAL_GLUED.finditer(text):
        if m.group(1) in vocabulary.cased.values():
            yield m.end(), m.end(), " "
    for m in _SMALL_EURO.finditer(text):
        for letter in "ec":
            word = m.group(1) + letter + m.group(2)
            if fold_phrase(word) in vocabulary.words:
                yield m.start(), m.end(), word
                break
    for m in _HYPHEN_MARKS.finditer(text):
        yield m.start(), m.end(), "-"
    for m in _HYPHEN_NOISE.finditer(text):
        if any(t.isupper() and t != "I" for t in m.group().split()[1:]):  # not "well- a⏎few"
            yield m.start(), m.end(), "-"


def _starred_quote(text: str, at: int) -> str:
    """The quote an asterisk stands for: opening before a word, closing after one; a closing
    one only after an opening quote on the line ("“sicarios de Los Trece Colmillos*")."""
    if at + 1 < len(text) and not text[at - 1 : at].isalnum():
        return '"'
    line = text[text.rfind("\n", 0, at) + 1 : at]
    straight = (line.count('"') + line.count("*")) % 2
    return '"' if straight or line.count("“") > line.count("”") else "*"


_NAME_WORD = re.compile(r"(?<![^\W_])[^\W\d_]{7,}(?![^\W_])")
_SAME_NAME = 0.5
"""How far two readings of a name on one page may be to be taken for the same name: a letter
misread for a look-alike ("Colmilios" and "Colmillos", "Fiznados" and "Tiznados"), never
one letter for an unlike one, as two real names differ ("Hernández", "Fernández")."""


def _page_names(text: str, vocabulary: Vocabulary) -> Iterator[Edit]:
    """A name the lexicon does not know, read two ways on one page: each capitalised reading put
    as the page's commonest one (the one nearest the others on a tie), so a name found once is
    found again where it recurs ("Los Trece Colmillos" ... "los Colmilios")."""
    found: dict[str, list[re.Match[str]]] = {}
    for m in _NAME_WORD.finditer(text):
        key = fold_phrase(m.group()).lower()
        if key not in vocabulary.words:
            found.setdefault(key, []).append(m)
    named = [k for k, ms in found.items() if any(m.group()[:1].isupper() for m in ms)]
    if len(named) < 2:
        return
    index: dict[str, set[str]] = {}
    for key in found:
        for gone in _one_out(key):
            index.setdefault(gone, set()).add(key)
    for key in named:
        near = {k for d in _one_out(key) for k in index.get(d, ()) if k != key}
        near = {k for k in near if distance(key, k, _SAME_NAME) <= _SAME_NAME}
        if not near:
            continue
        group = sorted(near | {key})
        best = max(group, key=lambda k: (len(found[k]), -sum(distance(k, o, 2) for o in group)))
        if best == key:
            continue
        like = fold_phrase(found[best][0].group())
        for m in found[key]:
            if m.group()[:1].isupper():
                yield m.start(), m.end(), like[:1].upper() + like[1:]


_ACRONYM_READ = re.compile(
    r"(?<![^\W_]|[\]\[|])(?:[^\W\d_]|[\[|])(?:[^\W\d_]|[\]\[|]){1,6}[^\W\d_](?![^\W_]|[\]\[|])"
)
"""A word that may be an acronym as a bad scan reads it: letters, perhaps a bracket or a bar
read for a letter inside or first ("C]NG", "[RIC" for "JRIC"), the one it is only where that
makes a known acronym."""
_DEFINED = re.compile(r"\(([A-Z][A-Za-z]{1,6}[A-Z])\)")
"""An acronym the page introduces in brackets after its name ("(CEFI)")."""
_CAPITAL_ALIKE = {frozenset(p) for p in "IL IJ IT OD OQ CG EF FP PR MN NH UV VW".split()}
"""Capitals a bad scan reads for one another."""
_BAR_FOR = frozenset("IJL")
"""The letters a bracket or a bar inside a word in capitals stands for ("C]NG" for "CJNG")."""
_SMALL_ALIKE = frozenset("cijklopsuvwxyz")
"""Small letters that look like their capitals, or that a capital I is read as ("jRIC")."""
_ACRONYM_BUDGET = 0.45


def _acronyms(text: str, vocabulary: Vocabulary) -> Iterator[Edit]:
    """An acronym of the lexicon, or one the page introduces in brackets, read with one letter
    misread: a bracket or a bar for I, J or L ("C]NG"), a small letter for its capital ("jRIC",
    "PaCiC"), a capital for a look-alike one in an acronym of four letters or more ("CEFL" for
    "CEFI", "MCRIC" for "NCRIC"; "MCB" is no "NCB"), or a slim letter read in ("CJING"). Only
    words with two capitals or more, and only to one acronym."""
    known: dict[int, list[str]] = {}
    defined = {w for w in _DEFINED.findall(text) if w.isupper()}
    for word in {*vocabulary.cased.values(), *defined}:
        if 3 <= len(word) <= 8 and sum(ch.isupper() for ch in word) >= 2:
            known.setdefault(len(word), []).append(word)
    for m in _ACRONYM_READ.finditer(text):
        token = m.group()
        if sum(ch.isupper() for ch in token) < 2 or token in vocabulary.cased.values():
            continue
        if (
            token.isalpha()
            and fold_phrase(token).lower() in vocabulary.words
            and (token.lower() not in vocabulary.cased)
        ):
            continue  # a lexicon word of its own, in capitals
        if token in defined:
            continue
        scored = sorted(
            (cost, word)
            for n in (len(token), len(token) - 1)
            for word in known.get(n, ())
            if (cost := _acronym_cost(token, word)) <= _ACRONYM_BUDGET
        )
        alone = scored and (len(scored) == 1 or scored[1][0] - scored[0][0] >= 0.3)
        if alone and scored[0][1] != token:
            yield m.start(), m.end(), scored[0][1]


def _acronym_cost(token: str, word: str) -> float:
    """How far a reading is from an acronym: each character a bracket or bar for I, J or L,
    a small letter for its capital, a look-alike capital; one slim letter read in."""
    if len(token) == len(word) + 1:
        slim = [i for i, ch in enumerate(token) if ch in "IlL|1" and 0 < i < len(token) - 1]
        return min((0.4 + _acronym_cost(token[:i] + token[i + 1 :], word) for i in slim), default=9)
    cost = 0.0
    for a, b in zip(token, word, strict=True):
        if a == b:
            continue
        if a in "]|[" and b in _BAR_FOR:
            cost += 0.3
        elif a.upper() == b and a in _SMALL_ALIKE:
            cost += 0.2
        elif frozenset((a, b)) in _CAPITAL_ALIKE and len(word) >= 4:
            cost += 0.4
        else:
            return 9.0
        if cost > _ACRONYM_BUDGET:
            return cost
    return cost


def _one_out(word: str) -> list[str]:
    """The word with one letter left out at each place: two words one letter apart share one."""
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def _code_mark(text: str, vocabulary: Vocabulary) -> Iterator[Edit]:
    """The hyphen of a code the lexicon writes with one ("M:18" -> "M-18")."""
    for m in _CODE_MARK.finditer(text):
        if (m.group(1).lower(), m.group(2)) in vocabulary.hyphened:
            yield m.end(1), m.start(2), "-"


def _code_digit(text: str, vocabulary: Vocabulary) -> Iterator[Edit]:
    """The letter a code's last digit stands for, where the lexicon writes the code so and the
    word before leads into it ("la 18-5" -> "la 18-S"); never a score or a range ("won 18-5",
    "18-15")."""
    for m in _CODE_DIGIT.finditer(text):
        letter = m.group(2).translate(_LETTER_FOR)
        before = _TOKEN.findall(text[max(0, m.start() - 12) : m.start()])[-1:]
        led = bool(before) and (fold_phrase(before[0]).lower(), m.group(1)) in vocabulary.pairs
        if led and (m.group(1), letter.lower()) in vocabulary.pairs:  # "la 18-5", not "won 18-5"
            yield m.start(2), m.end(2), letter


def _ms13(text: str) -> Iterator[Edit]:
    """MS-13 put right wherever a bad scan misread it (_MS13)."""
    for m in _MS13.finditer(text):
        if m.group() not in ("MS-13", "ms-13", "MS13"):
            yield m.start(), m.end(), "MS-13"


_EURO = re.compile(r"(?<![^\W_])[A-Z]*(?:[A-Z][€£]|[€£][A-Z])[A-Z€£]*(?![^\W_])")
"""A word in capitals with a euro or pound sign in it ("O€N", "BRI€", "£DD-18"): a C or an E
read with a speck."""


def _euro(text: str, vocabulary: Vocabulary) -> Iterator[Edit]:
    """Each euro (or pound) sign inside a word in capitals read as the letter that makes it a
    word of the lexicon ("O€N" -> "OCN"), else as C, the letter it looks most like."""
    for m in _EURO.finditer(text):
        word = m.group().replace("£", "€")
        for letter in "CE":
            if word.replace("€", letter).lower() in vocabulary.words:
                break
        else:
            letter = "C"
        yield m.start(), m.end(), word.replace("€", letter)


def _merged(edits: list[Edit], more: list[Edit]) -> list[Edit]:
    """Both lists of edits in order, leaving out any of `more` that overlaps another."""
    if not more:
        return edits
    out: list[Edit] = []
    taken = [(s, e) for s, e, _ in edits]
    for edit in more:
        if not any(s < edit[1] and edit[0] < e for s, e in taken):
            out.append(edit)
            taken.append(edit[:2])
    return sorted(edits + out)


def _repair(token: str, vocabulary: Vocabulary) -> str | None:
    """The lexicon word (or words) the token was misread from, or None to leave it."""
    key = fold_phrase(token).lower()
    if key in vocabulary.words:
        return None
    if any(ch.isdigit() for ch in key) and len(key) <= 5:
        return _code(token, vocabulary)
    if len(key) < _SHORTEST:
        return None
    best = _closest(key, vocabulary)
    if best is not None:
        return _cased(best, token, vocabulary)
    split = _split(key, vocabulary)
    if split:
        return _cased(split, token, vocabulary)
    head, small = _small_after(key, vocabulary)
    return f"{_cased(head, token, vocabulary)} {small}" if head else None


def _partner(i: int, keys: list[str], vocabulary: Vocabulary) -> str | None:
    """The lexicon word a misread word stands for, told by its neighbour: the one word within
    one misread letter that makes a lexicon pair with the word before or after it."""
    key = keys[i]
    if len(key) < _SHORTEST or not key.isalpha():
        return None
    before = keys[i - 1] if i > 0 else ""
    after = keys[i + 1] if i + 1 < len(keys) else ""
    if before not in vocabulary.words and after not in vocabulary.words:
        return None
    candidates = _candidates(key, vocabulary)
    paired = sorted(
        (cost, word)
        for word in candidates
        if ((before, word) in vocabulary.pairs or (word, after) in vocabulary.pairs)
        and (cost := distance(key, word, _IN_PHRASE)) <= _IN_PHRASE
    )
    if not paired or (len(paired) > 1 and paired[1][0] - paired[0][0] < 0.3):
        return None
    return paired[0][1]


def _small_or_slim(token: str) -> bool:
    """A word in small letters, or one whose capital is a slim letter read for an "l" ("Ja
    mara", "Ia 18")."""
    return token.islower() or (token[:1] in "JI" and token[1:].islower())


def _unpaired(i: int, keys: list[str], vocabulary: Vocabulary) -> bool:
    """Whether a long lexicon word pairs with neither neighbour, though one is a lexicon word: it
    may be the look-alike of the word the phrase has ("notification roja" for "notificación
    roja")."""
    if len(keys[i]) < _PAIRED_LONG:
        return False
    before = keys[i - 1] if i > 0 else ""
    after = keys[i + 1] if i + 1 < len(keys) else ""
    return (before, keys[i]) not in vocabulary.pairs and (keys[i], after) not in vocabulary.pairs


def _short_partner(i: int, keys: list[str], vocabulary: Vocabulary) -> str | None:
    """A short word misread before a number or a lexicon word, told by that word: the one
    lexicon word of two or three letters one letter away that the phrases put before it ("tha
    18", "lta 18", "ta clica", "ia Mara" for "the 18", "la 18", "la clica", "la Mara")."""
    key = keys[i]
    after = keys[i + 1] if i + 1 < len(keys) else ""
    if not (2 <= len(key) < _SHORTEST and key.isalpha()):
        return None
    if not (after.isdigit() or (len(after) >= _SHORTEST and after in vocabulary.words)):
        return None
    if key in vocabulary.words or key in _NEVER_LAST or key in _SHORT_WORDS:
        return None
    before = keys[i - 1] if i > 0 else ""
    found = [
        word
        for word in vocabulary.short
        if word != before  # "de⏎te Inteligencia" is noise, not "de de"
        if (word, after) in vocabulary.pairs and distance(key, word, _SHORT_BUDGET) <= _SHORT_BUDGET
    ]
    return found[0] if len(found) == 1 else None


def _unglue(
    text: str, i: int, tokens: list[tuple[int, int, str]], keys: list[str], vocabulary: Vocabulary
) -> Edit | None:
    """A speck read as an apostrophe joining a lexicon word to the next ("Sureño'associate"):
    the space it was. Never a contraction or a possessive ("gang's", "didn't")."""
    if i + 1 >= len(tokens):
        return None
    end, start = tokens[i][1], tokens[i + 1][0]
    if start - end != 1 or text[end] not in _GLUE or tokens[i + 1][2].lower() in _CONTRACTIONS:
        return None
    if keys[i] not in vocabulary.words and keys[i + 1] not in vocabulary.words:
        return None
    return end, start, " "


def _code(token: str, vocabulary: Vocabulary) -> str | None:
    """A short code with letters and digits mixed up: "l3" or "I8th" for a number, "5AFE" or
    "BR1C" for a lexicon word."""
    if not any(ch.isalpha() for ch in token):
        return None
    number = token.translate(_DIGIT_FOR)
    stem = number.removesuffix("th").removesuffix("st").removesuffix("nd").removesuffix("rd")
    if stem.isdigit() and number != token:
        return number
    word = token.translate(_LETTER_FOR)
    if word != token and word.lower() in vocabulary.words:
        return _cased(word.lower(), token, vocabulary)
    if token[:1] in "80" and token[1:].isalpha() and token[1:].isupper() and len(token) >= 4:
        return token[:1].translate(_LETTER_FOR) + token[1:]  # "8CLS" for "BCLS"
    return _mixed_code(token, vocabulary)


_EITHER = {
    **{ch: (ch, d) for ch, d in zip("oOlIi|sSbBzZ", "001111558822", strict=True)},
    **{d: (d, ch) for d, ch in zip("0158", "OISB", strict=True)},
}
"""Each character of a code that may be read for another: a letter for a digit, or back."""


def _mixed_code(token: str, vocabulary: Vocabulary) -> str | None:
    """A code of the lexicon some of whose characters were misread each way ("Surl3" for
    "Sur13", "l4ers" for "14ers", "I8ST" for "18ST"): the one lexicon word the readings give."""
    options = [_EITHER.get(ch, (ch,)) for ch in token]
    if sum(len(o) > 1 for o in options) > 4:
        return None
    found = {
        "".join(chars)
        for chars in product(*options)
        if "".join(chars).lower() in vocabulary.words and "".join(chars) != token
    }
    if len({f.lower() for f in found}) != 1:
        return None
    word = found.pop()
    cased = vocabulary.cased.get(word.lower())
    return cased if cased is not None else word


def _closest(key: str, vocabulary: Vocabulary) -> str | None:
    """The one lexicon word within reach of the token; None when none is, or two are alike."""
    candidates = _candidates(key, vocabulary)
    scored = sorted(
        (cost, word)
        for word in candidates
        if (cost := distance(key, word, _budget(word))) <= _budget(word)
    )
    if not scored or (len(scored) > 1 and scored[1][0] - scored[0][0] < 0.3):
        return None
    return scored[0][1]


def _candidates(key: str, vocabulary: Vocabulary) -> set[str]:
    """The lexicon words a reading may come from: those that share a deletion with it, and the
    one it is where one letter was read as two ("gafig" for "gang": "fi" for "n"; "nrara" for
    "mara"), which the deletions of a short word do not reach."""
    found = {w for d in _deletions(key) for w in vocabulary.deletions.get(d, ())}
    for two, one in SPLIT_READINGS:
        at = key.find(two)
        while at >= 0:
            back = key[:at] + one + key[at + 2 :]
            if back in vocabulary.words:
                found.add(back)
            at = key.find(two, at + 1)
    return found


def _budget(word: str) -> float:
    """How far a reading may be from the word: one look-alike letter in a short word ("BRlC",
    not "BRAC"), two or a slim letter lost in a word of five to seven, about one more in longer
    ones; never a whole letter added or lost or a letter misread as an unlike one in a short
    word, which is how two real words differ ("stated"/"state", "point"/"joint")."""
    n = len(word)
    if n <= 4:
        return 0.45
    if n <= 7:
        return 0.85
    return 1.3 if n <= 11 else 1.7


def _split(key: str, vocabulary: Vocabulary) -> str | None:
    """Two lexicon words that stand together in a phrase, read without the space between."""
    for i in range(2, len(key) - 1):
        pair = (key[:i], key[i:])
        if pair in vocabulary.pairs:
            return f"{pair[0]} {pair[1]}"
    return None


_GLUED_SMALL = ("and", "the", "of")
"""Small words a bad scan glues to the word before them ("Intelligence Fileand may"); not the
Spanish ones, which end many words ("grande", "verde")."""


def _small_after(key: str, vocabulary: Vocabulary) -> tuple[str, str]:
    """A lexicon word of four letters or more and a small word after it, read without the
    space between ("fileand" -> "file", "and"); ("", "") when the word is not that."""
    for small in _GLUED_SMALL:
        head = key[: -len(small)]
        if key.endswith(small) and len(head) >= _SHORTEST and head in vocabulary.words:
            return head, small
    return "", ""


def _join(
    text: str,
    left: tuple[int, int, str],
    right: tuple[int, int, str],
    left_key: str,
    right_key: str,
    vocabulary: Vocabulary,
) -> str | None:
    """One lexicon word read as two pieces (a space added, a line-end hyphen lost): the word."""
    between = text[left[1] : right[0]]
    if len(between) > 3 or not _JUNK.fullmatch(between):
        return None
    if right[2][:1].isupper() and _SENTENCE_END.match(between + " "):
        return None  # two sentences: "que. En" is no "queen"
    if (left_key, right_key) in vocabulary.pairs or min(len(left[2]), len(right[2])) < 2:
        return None
    key = fold_phrase(left[2] + right[2]).lower()
    word = key if key in vocabulary.words else None
    real = left_key in vocabulary.words or right_key in vocabulary.words
    if word is None and not real and min(len(left[2]), len(right[2])) >= 3:
        word = _closest(key, vocabulary)  # "Sa1va trucha"; never "de fusion" -> "difusion"
    return _cased(word, left[2] + right[2], vocabulary) if word else None


def _bridge(
    text: str, i: int, tokens: list[tuple[int, int, str]], keys: list[str], vocabulary: Vocabulary
) -> Edit | None:
    """Specks between two words of a lexicon phrase ("Red ' Notice", "Gang;Assessment",
    "fusion. center", noise read as a short word or two on a line of their own between them)
    read as the one space they were. A word split in two ("dela" -> "de la") pairs by its
    nearer half ("dela,⏎18")."""
    end = tokens[i][1]
    left = keys[i].rsplit(" ", 1)[-1]
    for j in range(i + 1, min(i + 2 + _STRAYS, len(tokens))):
        if (left, keys[j].split(" ", 1)[0]) not in vocabulary.pairs:
            continue
        start = tokens[j][0]
        between = text[end:start]
        named = tokens[i][2][:1].isupper() and tokens[j][2][:1].isupper()
        stray = (
            j > i + 1
            and "\n" in between
            and all(
                _stray(t[2], k, vocabulary, named)
                for k, t in zip(keys[i + 1 : j], tokens[i + 1 : j], strict=True)
            )
        )
        if j > i + 1 and not stray:
            continue
        if between == "-" and (keys[i], keys[j]) not in vocabulary.hyphened:
            return end, start, " "  # "Criminal-Group", "centros de-fusión", "miembro-de la"
        if between in (" ", "\n", "-") or not (stray or _BRIDGE_JUNK.fullmatch(between)):
            return None  # a plain space, or a hyphen the lexicon's own variants allow for
        if _QUOTED.search(between) and text[tokens[j][1] : tokens[j][1] + 1] in _CLOSING:
            return None  # a word in quotes of its own: "the “clique” name"
        if _SENTENCE_END.search(between) and not _speck_period(tokens[i][2], tokens[j][2]):
            return None  # two sentences
        return end, start, "\n" if "\n" in between and not stray else " "
    return None


def _stray(token: str, key: str, vocabulary: Vocabulary, named: bool) -> bool:
    """Noise read as a short word: up to three letters, or inside a name (both words
    capitalised) four in small letters that are no lexicon word ("INTERPOL Red ecor⏎Notice");
    never a small word of the text."""
    if named and len(token) == 4 and token.islower():
        return key not in vocabulary.words and key not in _FOUR_LETTER_WORDS
    return len(token) <= 3 and not _small_word(token)


_FOUR_LETTER_WORDS = frozenset(
    "that this with from have were they them then than when what will been into only also "
    "such some more most said para como pero sino este esta eran sobre".split()
)
"""Small words of four letters a line may end on, kept."""


def _small_word(token: str) -> bool:
    """A small word of the text, not noise read as one ("la pandilla⏎en el pecho", not "E")."""
    return len(token) >= 2 and token.islower() and token in _NEVER_LAST


def _speck_period(left: str, right: str) -> bool:
    """Whether a period between two words of a lexicon phrase is a speck, not a sentence's end:
    before a small letter ("fusion. center"), inside a capitalised name ("Red. Notice",
    "BOSTON. REGIONAL"), or after a small word no sentence ends on ("de. Inteligencia")."""
    return (
        right[:1].islower() or (left[:1].isupper() and right[:1].isupper()) or left in _NEVER_LAST
    )


def _cased(word: str, like: str, vocabulary: Vocabulary) -> str:
    """The word with the capitals the lexicon asks for, or else those of the text it replaces."""
    if " " in word:
        return " ".join(_cased(w, like, vocabulary) for w in word.split())
    if word in vocabulary.cased and not like.islower():
        return vocabulary.cased[word]
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# -- the repaired text and its map -----------------------------------------------------------


def _apply(text: str, edits: list[Edit]) -> tuple[str, list[int]]:
    """The text with the edits made, and for each of its characters (and its end) the offset in
    `text` it stands for; a replacement's characters spread over the span they replace."""
    parts: list[str] = []
    source: list[int] = []
    at = 0
    for start, end, new in edits:
        parts.append(text[at:start])
        source.extend(range(at, start))
        parts.append(new)
        last, steps = max(end - start - 1, 0), max(len(new) - 1, 1)
        source.extend(start + round(k * last / steps) for k in range(len(new)))
        at = end
    parts.append(text[at:])
    source.extend(range(at, len(text) + 1))
    return "".join(parts), source

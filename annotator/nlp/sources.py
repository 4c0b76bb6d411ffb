"""Who asserted it: the agency that issued a document, and whom a sentence credits with a claim.

The source of a label is what an attorney attacks: a school resource officer's hunch relayed by
a fusion centre, relayed by ICE, is one unverified claim, not three. A document's agency is read
once, from the head of its first pages (letterhead, header, form title: models/sources/
agencies.json); a sentence's attribution ("according to BRIC", "según la PNC", "a confidential
informant") and whether the author relays it or saw it are read per finding
(models/sources/attribution.<lang>.json). Both are plain text matching, cheap enough for every
finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from annotator.core.errors import LexiconError
from annotator.nlp.dates import first_date
from annotator.nlp.language import guess_language
from annotator.nlp.lexicon_load import read_json
from annotator.nlp.normalize import fold_phrase

HEAD_LINES = 14
"""Lines at the top of a document's first page read for its agency and date."""
LETTERHEAD_LINES = 4
"""The most lines of a letterhead: an agency line and the agency lines under it."""
_SOURCE_WORDS = 8
_STOP = re.compile(
    r"\s*(?:,|;|:|\.(?:\s|$)|\bthat\b|\bwho\b|\bque\b|\bquien\b|\bthe subject\b|\bel sujeto\b"
    r"|\bel investigado\b|\bel imputado\b|\b(?:he|she|you|ella)\b\s)",
    re.IGNORECASE,
)


class Attribution(NamedTuple):
    attributed_to: str
    """Whom the sentence credits: "BRIC", "the school resource officer", "" for nobody."""
    relayed: bool
    """True when the author passes on someone else's claim; False when first-hand or unsaid."""


@dataclass(frozen=True, slots=True)
class _AttributionCues:
    relay: re.Pattern[str] | None
    relay_after: re.Pattern[str] | None
    anonymous: re.Pattern[str] | None
    first_hand: re.Pattern[str] | None
    hearsay: re.Pattern[str] | None


@lru_cache(maxsize=8)
def _attribution_cues(models_dir: Path, language: str) -> _AttributionCues:
    data = read_json(models_dir / "sources" / f"attribution.{language}.json")

    def alternation(key: str) -> re.Pattern[str] | None:
        phrases = sorted({fold_phrase(p).lower() for p in data.get(key, [])}, key=len, reverse=True)
        if not phrases:
            return None
        return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phrases)) + r")(?!\w)")

    return _AttributionCues(*(alternation(k) for k in _ATTRIBUTION_KEYS))


_ATTRIBUTION_KEYS = ("relay", "relay_after", "anonymous", "first_hand", "hearsay")


def attribution(sentence: str, language: str, models_dir: Path) -> Attribution:
    """Whom `sentence` credits with its claim, and whether the author relays it."""
    return _attribution(sentence, language, models_dir)


@lru_cache(maxsize=512)
def _attribution(sentence: str, language: str, models_dir: Path) -> Attribution:
    cues = _attribution_cues(models_dir, language)
    folded = fold_phrase(sentence).lower()
    if len(folded) != len(sentence):  # a ligature unfolded: read the folded text throughout
        sentence = fold_phrase(sentence)
    if cues.anonymous and (m := cues.anonymous.search(folded)):
        return Attribution(sentence[m.start() : m.end()], True)
    if cues.relay and (m := cues.relay.search(folded)):
        source = _phrase_after(sentence, m.end())
        if source.lower() in _DOCUMENT_WORDS:
            return Attribution("", True)
        if source:
            return Attribution(source, True)
    if cues.relay_after and (m := cues.relay_after.search(folded)):
        # "BRIC reported that": BRIC; "he stated that": relayed, from someone unnamed here
        return Attribution(_phrase_before(sentence, m.start()), True)
    if cues.first_hand and cues.first_hand.search(folded):
        return Attribution("", False)
    hearsay = bool(cues.hearsay and cues.hearsay.search(folded))
    return Attribution("", hearsay)


def _phrase_after(sentence: str, at: int) -> str:
    """The source named after "according to": the name or role that follows, up to a comma,
    "that", or the first word that can be neither ("the school resource officer", "ICE",
    "the State Department's 2021 report")."""
    rest = sentence[at:]
    stop = _STOP.search(rest)
    words = []
    for word in (rest[: stop.start()] if stop else rest).split()[:_SOURCE_WORDS]:
        bare = word.strip("\"'“”‘’(),.;:").removesuffix("'s").removesuffix("’s")
        if not (bare[:1].isupper() or bare[:1].isdigit() or bare.lower() in _NAME_WORDS):
            break
        words.append(word)
    while words and words[-1].lower() in _CONNECTORS:
        words.pop()
    return _named(_tidy(" ".join(words)))


_CONNECTORS = frozenset("the a an of de del la las los el and y".split())


_NAME_WORDS = frozenset(
    "the a an of de del la las los el and y officer officers agent agents detective police "
    "school resource report reports record records file files department unit task force "
    "source sources informant witness intelligence database center centre office local state "
    "federal foreign salvadoran honduran guatemalan mexican national civil authorities "
    "policia agente agentes oficial informe informes registro registros base datos fiscalia "
    "autoridades inteligencia policial nacional civil salvadorena hondurena guatemalteca".split()
)


def _phrase_before(sentence: str, at: int) -> str:
    """The source named before "reported": the words since the clause began ("The PNC report
    states" -> "The PNC report"), when they name someone and not a pronoun."""
    head = sentence[:at]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"), head.rfind(". "))
    words = head[cut + 1 :].split()
    if not words or len(words) > _SOURCE_WORDS:
        return ""
    if any(w.lower() in ("that", "que") for w in words):
        return ""  # "INTERPOL Washington confirms that the Red Notice ... notified": no one named
    phrase = _tidy(" ".join(words))
    if phrase.lower() in _NOT_SOURCES:
        return ""
    return _named(phrase)


def _named(phrase: str) -> str:
    """The phrase if it can name a source: words, not a form's field ("SOURCE", "Yes X")."""
    words = re.findall(r"[^\W\d_]{2,}", phrase)
    if not words or phrase.lower() in _NOT_SOURCES or any(c in phrase for c in "/|[]"):
        return ""
    if len(words) == 1 and words[0].isupper() and words[0].lower() in _FIELD_WORDS:
        return ""
    return phrase


_NOT_SOURCES = frozenset(
    "he she they it i we you him her this which who also el ella ellos se lo que yes no si "
    "source sources fuente fuentes".split()
)
_DOCUMENT_WORDS = frozenset(
    "report informe reporte record registro document documento file expediente narrative "
    "narrativa acta".split()
)
"""A record named by its kind alone ("Según el informe, ...", "according to the report"): relayed,
but it names no source (it may be this document or another), so none is shown."""
_FIELD_WORDS = frozenset("source sources fuente fuentes notes narrative remarks comments".split())


def _tidy(text: str) -> str:
    """A source as it reads on its own: no leading article, no quotes, no parenthesis left
    open ("Boston Regional Intelligence Center (BRIC" -> "Boston Regional Intelligence
    Center")."""
    text = text.strip(" \"'“”‘’()[],;:")
    if text.count("(") > text.count(")"):
        text = text[: text.rfind("(")]
    text = text.strip(" \"'“”‘’()[],;:")
    # "the Boston Regional Intelligence Center" -> the name; "the subject" keeps its article
    return re.sub(r"^(?:the|la|el|los|las)\s+(?=[A-Z])", "", text, flags=re.IGNORECASE)


class DocumentSource(NamedTuple):
    agency: str
    source_date: str


@dataclass(frozen=True, slots=True)
class _Agency:
    label: str
    patterns: tuple[re.Pattern[str], ...]
    append: str = ""

    def shown(self, name: str | None) -> str:
        if not name:
            return self.label
        name = _display(name)
        if self.append and self.append.lower() not in name.lower():
            name = f"{name} – {self.append}"
        return name


@lru_cache(maxsize=4)
def _agencies(models_dir: Path) -> tuple[_Agency, ...]:
    path = models_dir / "sources" / "agencies.json"
    out = []
    for entry in read_json(path).get("agencies", []):
        alternatives = [re.escape(fold_phrase(p)) for p in entry.get("phrases", [])]
        alternatives = [r"(?i:\b" + a + r"\b)" for a in alternatives]
        alternatives += list(entry.get("regex", []))
        try:
            patterns = tuple(re.compile(a) for a in alternatives)
        except re.error as err:
            raise LexiconError(f"{path}: agency {entry.get('label')!r}: {err}") from err
        out.append(_Agency(str(entry["label"]), patterns, str(entry.get("append", ""))))
    return tuple(out)


def document_source(page_texts: list[str], models_dir: Path) -> DocumentSource:
    """The issuing agency and the date of a document, from the head of its first pages: the
    most specific agency its letterhead or form title names, and the first date there."""
    heads = [_head(t) for t in page_texts[:2]]
    language = guess_language("\n".join(page_texts[:1]))
    agency = next((a for a in (_letterhead(lines, models_dir) for lines in heads) if a), "")
    date = first_date("\n".join(heads[0]), language) if heads else ""
    return DocumentSource(agency, date)


def _head(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()][:HEAD_LINES]


def _letterhead(lines: list[str], models_dir: Path) -> str:
    """The agency of the head's letterhead: its first line naming an agency and the agency
    lines right under it (DHS / ICE / ERO), read with the line after them for a name that
    runs on; there the agency listed first in agencies.json, the most specific, wins. A line
    of more than ten words is prose, not a letterhead."""
    named = [len(line.split()) <= 10 and bool(_agency_in(line, models_dir)) for line in lines]
    if True not in named:
        return ""
    top = named.index(True)
    end = top + 1
    while end < len(lines) and end - top < LETTERHEAD_LINES and named[end]:
        end += 1
    # The lines above it name no agency alone; a name may still start there and run down
    # ("EASTFIELD HARBOR PUBLIC SCHOOLS" ... "SCHOOL POLICE").
    return _agency_in("\n".join(lines[: end + 1]), models_dir)


def _agency_in(text: str, models_dir: Path) -> str:
    """The agency the text names that is listed first in agencies.json. Phrases are matched
    on the folded text; the patterns that capture a name, on the text as written."""
    folded = fold_phrase(text)
    for agency in _agencies(models_dir):
        for pattern in agency.patterns:
            m = pattern.search(text if "(?P<name>" in pattern.pattern else folded)
            if m:
                return agency.shown(m.groupdict().get("name"))
    return ""


def _display(name: str) -> str:
    """A name as a heading wrote it, in capitals or not: "SOMERVILLE POLICE DEPARTMENT" ->
    "Somerville Police Department"."""
    name = " ".join(name.split())
    if not name.isupper():
        return name
    words = name.title().split()
    small = [w.lower() if i and w.lower() in _SMALL_WORDS else w for i, w in enumerate(words)]
    return " ".join(small)


_SMALL_WORDS = frozenset("of the and for de del la las los el y en".split())

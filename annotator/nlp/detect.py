"""Run the detection pipeline over extracted pages and turn its spans into Detections.

spaCy is imported when a pipeline is first built, not with this module: a process that only
extracts pages, or finds no page that can match, never pays for loading it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.model import Category, Detection, PageText, Word
from annotator.core.paths import models_dir as default_models_dir
from annotator.nlp.geometry import span_rects
from annotator.nlp.language import guess_language
from annotator.nlp.lexicon import ALIAS
from annotator.nlp.lexicon_load import load_lexicon
from annotator.nlp.normalize import Folded, fold, join_lines
from annotator.nlp.ocr_text import Vocabulary, fold_ocr, vocabulary
from annotator.nlp.role_cues import load_role_cues
from annotator.nlp.role_model import SecondOpinion
from annotator.nlp.role_names import NOT_CARRIED
from annotator.nlp.roles import RoleReader, page_names
from annotator.nlp.sentences import sentence_text
from annotator.nlp.sources import attribution

MARGIN = 0.07
"""Lines wholly in the top or bottom 7% of a page are running headers and footers."""
BRIDGE_WORDS = 30
_CONFIG = "pipeline.cfg"
RESPONDENT = "role:respondent"
"""An anchor: a page of the document names the respondent; each name word is kept as an
anchor `role:respondent:WORD`, so the document's other pages read roles knowing the name. A
page with gang references that names nobody wants it (and is read again once it is known)."""


if TYPE_CHECKING:
    from spacy.language import Language

SPAN_KEY = "casefile"  # annotator.nlp.component.SPAN_KEY, without importing spaCy


def build_pipeline(lang: str, models_dir: Path | None = None) -> Language:
    """A blank pipeline for `lang` with the sentencizer and the detector, as models/ configures."""
    from annotator.nlp.spacy_import import import_spacy

    spacy = import_spacy()
    from annotator.nlp import component, tokenizer  # noqa: F401 - registers factory and callback

    directory = models_dir or default_models_dir()
    config = spacy.util.load_config(directory / _CONFIG)
    config["nlp"]["lang"] = lang
    config["components"][component.FACTORY.removesuffix("_v1")]["models_dir"] = str(directory)
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


class Detector:
    """One pipeline per language, built on first use; the lexicon is shared data."""

    def __init__(self, models_dir: Path | None = None) -> None:
        self.models_dir = models_dir or default_models_dir()
        self._pipelines: dict[str, Language] = {}
        self.lexicon = load_lexicon(self.models_dir)
        self._vocabulary: Vocabulary | None = None
        self.second_opinion = SecondOpinion(self.models_dir)
        """The trained classifier's say on the rules' roles (loaded on first use)."""

    def pipeline(self, lang: str) -> Language:
        if lang not in self._pipelines:
            self._pipelines[lang] = build_pipeline(lang, self.models_dir)
        return self._pipelines[lang]

    @property
    def lexicon_version(self) -> str:
        return self.lexicon.version

    def detect_page(
        self, page: PageText, anchors: set[str] | None = None, wanted: set[str] | None = None
    ) -> list[Detection]:
        """Findings on one page.

        `anchors` holds the acronyms already introduced in the document and receives the ones
        this page introduces; `wanted` receives those a match was turned down for lacking.
        """
        page.language = guess_language(page.text)
        if not page.text.strip():
            return []
        cues = load_role_cues(self.models_dir, page.language)
        own = page_names(cues, page.text)
        carry = own - NOT_CARRIED
        if carry and anchors is not None:
            anchors.add(RESPONDENT)
            anchors.update(f"{RESPONDENT}:{w}" for w in carry)
        folded = self._fold_ocr(page.text, page.language) if page.ocr_done else fold(page.text)
        if not self.lexicon.might_match(folded.text) and not _alias_on(anchors, folded.text):
            return []
        nlp = self.pipeline(page.language)
        doc = nlp.make_doc(folded.text)
        doc.user_data["anchors"] = anchors if anchors is not None else set()
        doc.user_data["wanted"] = wanted if wanted is not None else set()
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        spans = doc.spans[SPAN_KEY]
        roles = None
        if any(span.label_ == Category.GANG_LABEL for span in spans):
            carried = _respondent(anchors)
            roles = RoleReader(cues, folded.text, page.text, carried, own)
            roles.second_opinion = self.second_opinion
            if not own and not carried and wanted is not None:
                wanted.add(RESPONDENT)
        found = [self._detection(page, folded, span, roles) for span in spans]
        for det in found:
            det.attributed_to, det.relayed = attribution(
                det.sentence, page.language, self.models_dir
            )
        return found

    def detect_pages(self, pages: Iterable[PageText]) -> Iterator[tuple[PageText, list[Detection]]]:
        """Pages of one document, in order, sharing introduced acronyms."""
        anchors: set[str] = set()
        for page in pages:
            yield page, self.detect_page(page, anchors)

    def detect_bridge(
        self, page: PageText, following: PageText, anchors: set[str] | None = None
    ) -> list[Detection]:
        """References that run from the end of `page` onto the next page.

        The last body words of one page and the first of the next (running headers and footers
        left out) are detected together; a finding that crosses the junction is returned as a
        finding on `page`, with its rectangles there and its full text.
        """
        tail = _body_words(page)[-BRIDGE_WORDS:]
        head = _body_words(following)[:BRIDGE_WORDS]
        if not tail or not head or page.text[tail[-1].end - 1 : tail[-1].end] in ".!?;:":
            return []
        a, b = tail[0].start, tail[-1].end
        c, d = head[0].start, head[-1].end
        cut = b - a
        bridge = PageText(
            page.number,
            page.width,
            page.height,
            page.rotation,
            page.text[a:b] + "\n" + following.text[c:d],
            [],
            ocr_done=page.ocr_done or following.ocr_done,
        )
        found = []
        for det in self.detect_page(bridge, set(anchors or ()), set()):
            if det.start < cut and det.end > cut + 1:
                det.start, det.end = a + det.start, b
                det.rects = span_rects(page, det.start, det.end)
                found.append(det)
        return found

    def _fold_ocr(self, text: str, language: str = "") -> Folded:
        """OCR'd text repaired toward the lexicon's words before folding (nlp.ocr_text)."""
        if self._vocabulary is None:
            self._vocabulary = vocabulary(self.lexicon)
        return fold_ocr(text, self._vocabulary, language)

    @staticmethod
    def _detection(
        page: PageText, folded: Folded, span: Any, roles: RoleReader | None
    ) -> Detection:
        start, end = folded.to_page(span.start_char, span.end_char)
        s_start, s_end = folded.to_page(*span._.sentence_chars)
        category = Category(span.label_)
        role = None
        if roles is not None and category is Category.GANG_LABEL:
            sent_start, sent_end = span._.sentence_chars
            role = roles.role(span.start_char, span.end_char, sent_start, sent_end, span.kb_id_)
        cue = ""
        if span._.hedge_cue is not None:
            c_start, c_end = folded.to_page(*span._.hedge_cue)
            cue = join_lines(page.text[c_start:c_end])
        return Detection(
            category=category,
            subtype=span.kb_id_,
            text=join_lines(page.text[start:end]),
            start=start,
            end=end,
            rects=span_rects(page, start, end),
            sentence=sentence_text(page.text, s_start, s_end),
            hedged=bool(cue),
            hedge_cue=cue,
            language=page.language,
            role=role,
        )


def _alias_on(anchors: set[str] | None, text: str) -> bool:
    """Whether a name or an acronym the document introduced stands in the text ("MCB"), so a
    page with none of the lexicon's words is still read."""
    return any(a.startswith(ALIAS) and a.split(":")[1] in text for a in anchors or ())


def _respondent(anchors: set[str] | None) -> frozenset[str]:
    """The respondent's name words other pages of the document gave (see RESPONDENT)."""
    head = RESPONDENT + ":"
    return frozenset(a[len(head) :] for a in anchors or () if a.startswith(head))


def _body_words(page: PageText) -> list[Word]:
    """The page's words less its running headers and footers (lines in the top/bottom margin)."""
    top, bottom = page.height * MARGIN, page.height * (1 - MARGIN)
    lines: dict[int, list[Word]] = {}
    for word in page.words:
        lines.setdefault(word.line, []).append(word)
    body = [
        ws for ws in lines.values() if not all(w.rect[3] <= top or w.rect[1] >= bottom for w in ws)
    ]
    return [w for ws in body for w in ws]

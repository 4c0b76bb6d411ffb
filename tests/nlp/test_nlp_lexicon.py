"""The matcher's folded text, the lexicon as data under models/, and the registered component."""

from __future__ import annotations

import json
import shutil
from itertools import pairwise

import pytest
import spacy

from annotator.core.errors import LexiconError
from annotator.core.model import Category
from annotator.core.paths import models_dir
from annotator.nlp import component, rule_matching
from annotator.nlp.detect import Detector, build_pipeline
from annotator.nlp.language import guess_language
from annotator.nlp.lexicon import pattern_reach
from annotator.nlp.lexicon_load import load_lexicon
from annotator.nlp.normalize import fold, join_lines

# -- folding -----------------------------------------------------------------------------------


def test_fold_strips_accents_keeps_case_and_maps_back():
    text = "Los Sureños\u2014y la Policía"
    folded = fold(text)
    assert folded.text == "Los Surenos-y la Policia"
    start = folded.text.index("Surenos")
    assert folded.to_page(start, start + len("Surenos")) == (4, 11)
    assert text[4:11] == "Sureños"


@pytest.mark.parametrize(
    ("text", "folded", "span", "page_span"),
    [
        (
            "member of Mara Salva-\ntrucha today",
            "member of Mara Salvatrucha today",
            "Mara Salvatrucha",
            "Mara Salva-\ntrucha",
        ),
        ("a member of the MS-\n13 clique", "a member of the MS-13 clique", "MS-13", "MS-\n13"),
        ("INTERPOL Red\nNotice", "INTERPOL Red Notice", "Red Notice", "Red\nNotice"),
        # a sentence running on into the next block (a column break) reads as one space
        (
            "no porque sea de la\n\nmara, dijo",
            "no porque sea de la mara, dijo",
            "la mara",
            "la\n\nmara",
        ),
        # a block after a heading, or after a sentence's end, stays apart
        (
            "GANG UNIT\n\nsubject was stopped",
            "GANG UNIT  subject was stopped",
            "UNIT  subject",
            "UNIT\n\nsubject",
        ),
        (
            "he left.\n\nmara is",
            "he left.  mara is",
            "left.  mara",
            "left.\n\nmara",
        ),
    ],
)
def test_fold_joins_line_breaks_and_hyphenated_line_ends(text, folded, span, page_span):
    result = fold(text)
    assert result.text == folded
    start = result.text.index(span)
    a, b = result.to_page(start, start + len(span))
    assert text[a:b] == page_span


def test_join_lines_for_display_keeps_compound_hyphens():
    assert join_lines("Mara Salva-\ntrucha") == "Mara Salvatrucha"
    assert join_lines("MS-\n13") == "MS-13"
    assert join_lines("a gang-\naffiliated youth") == "a gang-affiliated youth"
    assert join_lines("two\n\n  lines") == "two lines"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The officer said that he was a member of the gang and that he had been seen.", "en"),
        ("El agente dijo que el joven es miembro de la pandilla y que fue visto en la zona.", "es"),
        ("", "en"),
    ],
)
def test_guess_language(text, lang):
    assert guess_language(text) == lang


# -- the lexicon is data -----------------------------------------------------------------------


def test_pattern_files_one_per_category_and_language():
    names = {p.name for p in (models_dir() / "patterns").glob("*.json")}
    for category in Category:
        for lang in ("en", "es"):
            assert f"{category.value}.{lang}.json" in names
    for path in (models_dir() / "patterns").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data.get("version"), f"{path.name} has no version"
        if not path.name.startswith("hedges."):
            assert data["category"] == path.name.split(".")[0]
            assert data["language"] == path.name.split(".")[1]


def test_lexicon_loads_every_category_and_a_version():
    lexicon = load_lexicon(models_dir())
    assert {r.category for r in lexicon.rules} == set(Category)
    assert lexicon.version.startswith(
        json.loads((models_dir() / "lexicon.json").read_text())["version"]
    )
    assert lexicon.hedges and lexicon.negations


@pytest.fixture
def models_copy(tmp_path):
    copy = tmp_path / "models"
    shutil.copytree(models_dir(), copy)
    return copy


def test_lexicon_version_changes_when_a_pattern_file_changes(models_copy):
    before = load_lexicon(models_copy).version
    path = models_copy / "patterns" / "safe.en.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["rules"][0]["phrases"].append("Fugitive Alliance")
    path.write_text(json.dumps(data), encoding="utf-8")
    after = load_lexicon(models_copy).version
    assert after != before
    assert after.split("+")[0] == before.split("+")[0]


def test_malformed_pattern_file_names_the_file(models_copy):
    path = models_copy / "patterns" / "safe.en.json"
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"safe\.en\.json.*not valid JSON"):
        load_lexicon(models_copy)


def test_unknown_rule_key_is_refused(models_copy):
    path = models_copy / "patterns" / "safe.en.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["rules"][0]["phrasez"] = ["typo"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LexiconError, match="phrasez"):
        load_lexicon(models_copy)


def test_a_clinic_can_add_a_phrase_without_touching_code(models_copy, make_pdf):
    from annotator.pdf.extract import iter_pages, open_pdf

    path = models_copy / "patterns" / "fusion_center.en.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["rules"][0]["phrases"].append("Gotham Watch Desk")
    path.write_text(json.dumps(data), encoding="utf-8")
    pdf = open_pdf(make_pdf([["The Gotham Watch Desk entered his name."]]))
    pages = list(iter_pages(pdf))
    pdf.close()
    ((_, found),) = Detector(models_copy).detect_pages(pages)
    assert [(d.category.value, d.text) for d in found] == [("fusion_center", "Gotham Watch Desk")]


# -- the component -----------------------------------------------------------------------------


def test_detector_is_a_registered_component_on_blank_pipelines():
    assert component.FACTORY in spacy.registry.factories
    for lang in ("en", "es"):
        nlp = build_pipeline(lang)
        assert nlp.lang == lang
        assert nlp.pipe_names == ["sentencizer", "casefile_detector"]
        assert nlp.get_pipe_meta("casefile_detector").factory == component.FACTORY
        assert not any(hasattr(proc, "model") for _, proc in nlp.pipeline), "no trained weights"


def test_component_puts_spans_with_category_and_subtype(detector):
    nlp = detector.pipeline("en")
    doc = nlp("The respondent is listed in CalGang and a fusion center bulletin.")
    spans = [(s.text, s.label_, s.kb_id_) for s in doc.spans[component.SPAN_KEY]]
    assert spans == [
        ("CalGang", "gang_label", "gang_database"),
        ("fusion center", "fusion_center", "fusion_center"),
    ]


# -- the trigger prefilter -----------------------------------------------------------------------

PREFILTER_TEXTS = [
    ("The applicant appeared with counsel.", False),
    # ordinary words of A-file prose, though lexicon phrases hold them ("SAFE arrests")
    ("The officer noted the arrests, the warrants, an entry and the crew's cooperation.", False),
    ("Los soldados del partido; the eighteen members of the faction.", False),
    ("He was called a gang member by the officer.", True),
    ("A report from the Mara\nSalva-\ntrucha file.", True),  # hyphenated at a line end
    ("Informe de la Policía Nacional Civil: pandillero activo.", True),
    ("Policía Nacional Civil, sin más datos.", True),  # accents folded before matching
    ("Later a Green\nNotice was issued.", True),  # a word pair across a line break
    ("The green jacket and the notice board.", False),  # the pair's words, not the pair
    ("MS- 13 written by OCR.", True),
    # Everyday words of the newer rules' phrases stay out of the triggers, or every page of a
    # long file would go through spaCy (a 1,000-page scan took half as long again):
    ("He is known to the programs on the East Coast; a shot was heard.", False),
    ("La gente de la colonia, armada de paciencia; los programas de la costa este.", False),
    ("A known member of the clique.", True),
]


@pytest.mark.parametrize(("text", "expected"), PREFILTER_TEXTS)
def test_page_prefilter_agrees_with_the_folded_text(text, expected):
    """might_match_page skips folding plain ASCII and makes word pairs only where needed; it
    must decide as might_match on the folded text does."""
    lexicon = load_lexicon(models_dir())
    assert lexicon.might_match_page(text) == lexicon.might_match(fold(text).text) == expected


def test_tokenizer_splits_an_acronym_period_and_a_footnote_mark():
    nlp = build_pipeline("en")
    assert [t.text for t in nlp.make_doc("linked to TdA. He said")][:4] == [
        "linked",
        "to",
        "TdA",
        ".",
    ]
    assert [t.text for t in nlp.make_doc("gang member.[1]")] == ["gang", "member", ".", "[1]"]
    assert [t.text for t in nlp.make_doc("and ICEGangs.[fn 46]")][:5] == [
        "and",
        "ICEGangs",
        ".",
        "[",
        "fn",
    ]


def test_tokenizer_splits_a_dash_glued_to_one_word_but_keeps_compounds(scan):
    nlp = build_pipeline("es")
    assert [t.text for t in nlp.make_doc("como SLS- que -identificada")] == [
        "como",
        "SLS",
        "-",
        "que",
        "-",
        "identificada",
    ]
    assert [t.text for t in build_pipeline("en").make_doc("MS-13 and -5")] == ["MS-13", "and", "-5"]
    result = scan(
        [
            [
                "Formaban parte de la clica Sailors Locos Salvatrucha —identificada en los",
                "informes de inteligencia como SLS— que cobraba cuota a migrantes.",
            ]
        ]
    )
    assert "SLS" in [d.text for d in result.of("gang_label")]


# -- token patterns run only where they can match ----------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # the needed token that is not only function words, whatever its place
        ([{"LOWER": {"IN": ["la", "de"]}}, {"ORTH": "18"}], ({"18"}, 1, 0)),
        (
            [{"ORTH": "MS"}, {"LOWER": "x", "OP": "?"}, {"IS_ALPHA": True, "OP": "{0,3}"}],
            ({"ms"}, 0, 4),
        ),
        ([{"LOWER": "programa"}, {"IS_TITLE": True, "OP": "+"}], ({"programa"}, 0, None)),
        (
            [{"LOWER": "base"}, {"LOWER": "de"}, {"IS_ALPHA": True, "OP": "{2,}"}],
            ({"base"}, 0, None),
        ),
        (
            [{"LOWER": "a"}, {"IS_DIGIT": True, "OP": "!"}, {"ORTH": "Z", "OP": "{2}"}],
            ({"a"}, 0, 3),
        ),
        # only function words: one is taken all the same
        ([{"LOWER": {"IN": ["la", "los"]}}, {"IS_TITLE": True}], ({"la", "los"}, 0, 1)),
        # no literal token needed exactly once
        ([{"IS_TITLE": True}, {"LOWER": "x", "OP": "?"}], None),
        ([{"NORM": "not"}, {"IS_ALPHA": True}], None),  # NORM is not LOWER ("n't")
    ],
)
def test_pattern_reach(pattern, expected):
    reach = pattern_reach(pattern)
    if expected is None:
        assert reach is None
    else:
        assert (set(reach.words), reach.before, reach.after) == expected


PATTERN_TEXTS = [
    "FICTIONAL. Dijo que anda con los de la 18 y que la MS lo amenazó. El 18 Sureños y la "
    "Mara operan en la zona; la clica Los Solitarios, la clica de los Southside Locos y la "
    'clica "Chalate Locos" responden al programa Fulton Locos. Consta en la base de datos '
    'policial de pandillas y en el registro de pandilleros. La facción "Los Gallegos" y la '
    "banda criminal Los Olanchanos. INTERPOL publicó una notificación; la difusión fue "
    "retirada. La Alianza de Seguridad para la Aprehensión de Fugitivos (SAFE) y el Centro "
    "Regional de Inteligencia de Boston. Nunca anduvo en la mara, según la pandilla.",
    "FICTIONAL. He was said to be a member of la 18 and of the clique Hollywood Locos; the "
    "Normandie program Westside gang. A red notice to appear was served under the SAFE Act. "
    "He lives at la 18 avenida and saw the Program Director. de la 18, la MS, la Mara.",
]


def test_pattern_rules_find_in_their_stretches_what_they_find_on_the_whole_page(
    detector, sample_pdfs
):
    """Every pattern rule of the lexicon, over every sample page: the matches found in the
    stretches around the tokens it needs are the matches on the whole page, and the stretches
    are a small part of the page."""
    from spacy.attrs import LOWER

    from annotator.pdf.extract import iter_pages, open_pdf

    texts = []
    for path in sample_pdfs:
        pdf = open_pdf(path)
        texts += [page.text for page in iter_pages(pdf)]
        pdf.close()
    texts += PATTERN_TEXTS
    checked = covered = tokens = 0
    for text in texts:
        nlp = detector.pipeline(guess_language(text))
        doc = nlp.make_doc(fold(text).text)
        detector_component = nlp.get_pipe("casefile_detector")
        matchers = detector_component.matchers
        at = matchers.needed_at(doc.to_array(LOWER))
        for rule, matcher, scope in matchers.by_pattern:
            assert isinstance(scope, rule_matching.Scope), rule.key
            stretches = scope.stretches(at, len(doc))
            assert all(a < b <= c for (a, b), (c, _) in pairwise(stretches))
            found = sorted((a + s, a + e) for a, b in stretches for _, s, e in matcher(doc[a:b]))
            assert found == sorted((s, e) for _, s, e in matcher(doc)), rule.key
            checked += len(found)
            covered += sum(b - a for a, b in stretches)
            tokens += len(doc)
    assert checked >= 25, "the pages hold pattern matches to compare"
    assert covered < tokens / 3

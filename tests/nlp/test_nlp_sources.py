"""Who asserted it: a finding's attribution in its sentence and whether the author relays it,
a document's agency and date from its letterhead, and dates in English and Spanish formats."""

from __future__ import annotations

import pytest

from annotator.core.paths import models_dir
from annotator.ingest import Ingestor
from annotator.nlp.dates import find_dates, first_date, readable
from annotator.nlp.sources import document_source


@pytest.mark.parametrize(
    ("line", "attributed_to", "relayed"),
    [
        ("According to BRIC, the subject is a documented MS-13 associate.", "BRIC", True),
        (
            "Per the school resource officer, he is an MS-13 associate.",
            "school resource officer",
            True,
        ),
        ("The PNC report states that he is a gang member of the clique.", "PNC report", True),
        ("Según la PNC de El Salvador, el investigado es pandillero.", "PNC de El Salvador", True),
        (
            "A confidential informant named him as an 18th Street gang member.",
            "A confidential informant",
            True,
        ),
        ("He is reportedly a gang member in the park.", "", True),
        ("I observed the subject wearing colors of a gang member at the park.", "", False),
        ("The subject is a gang member.", "", False),
        # a record named by its kind alone is relayed but names no source
        ("Según el informe, el sujeto posee ficha como miembro activo de la MS-13.", "", True),
        ("According to the report, he is a gang member of the clique.", "", True),
    ],
)
def test_attribution_in_the_sentence_on_a_real_pdf(scan, line, attributed_to, relayed):
    (found,) = scan([[line]]).of("gang_label")
    assert (found.attributed_to, found.relayed) == (attributed_to, relayed)


LETTERHEADS = [
    (
        [
            "U.S. Department of Homeland Security",
            "Immigration and Customs Enforcement",
            "Enforcement and Removal Operations, Boston Field Office",
            "Form I-213 continuation    Date: 04/18/2022",
        ],
        "ICE/ERO",
        "2022-04-18",
    ),
    (
        [
            "LYNNFIELD PUBLIC SCHOOLS - SCHOOL POLICE DEPARTMENT",
            "Incident Report    Date: 11/09/2021",
        ],
        "Lynnfield Public Schools - School Police Department",
        "2021-11-09",
    ),
    (
        [
            "SOMERVILLE POLICE DEPARTMENT - INCIDENT REPORT",
            "Victim DOB 04/11/1999",
            "March 3, 2022",
        ],
        "Somerville Police Department",
        "2022-03-03",
    ),
    (
        [
            "POLICÍA NACIONAL CIVIL DE EL SALVADOR",
            "INFORME POLICIAL    San Salvador, 3 de marzo de 2022",
        ],
        "PNC (El Salvador)",
        "2022-03-03",
    ),
    (
        ["INTERPOL Washington - U.S. National Central Bureau", "Memorandum, 2023-06-01"],
        "INTERPOL Washington (USNCB)",
        "2023-06-01",
    ),
    (
        ["COMMONWEALTH OF MASSACHUSETTS - SUFFOLK SUPERIOR COURT", "Docket 2184CR00412"],
        "Suffolk Superior Court",
        "",
    ),
    (
        ["BOSTON REGIONAL INTELLIGENCE CENTER (BRIC)", "GANG ASSESSMENT DATABASE 05/30/2023"],
        "Boston Regional Intelligence Center",
        "2023-05-30",
    ),
]


@pytest.mark.parametrize(("head", "agency", "date"), LETTERHEADS, ids=[h[1] for h in LETTERHEADS])
def test_a_documents_agency_and_date_come_from_its_letterhead(
    case, make_pdf, detector, head, agency, date
):
    body = ["", *(f"Form field {n}: see the attached sheet." for n in range(14))]
    body += ["The narrative of the report follows, with its own dates: 01/01/2015."]
    pdf = make_pdf([head + body])
    (result,) = Ingestor(case, detector, workers=1).add_files([pdf])
    assert (result.document.agency, result.document.source_date) == (agency, date)


def test_each_finding_carries_its_documents_agency(case, make_pdf, detector):
    pdf = make_pdf([["U.S. Citizenship and Immigration Services", "", "You are a gang member."]])
    Ingestor(case, detector, workers=1).add_files([pdf])
    (finding,) = case.findings()
    assert finding.agency == "USCIS"


def test_the_letterhead_lines_win_over_agencies_the_page_mentions_later(make_pdf):
    texts = [
        "Northeast Regional Fusion Network\nIssue 23-06 · June 2023\n"
        "In this issue: the INTERPOL primer; the Boston Police Department's notes."
    ]
    assert document_source(texts, models_dir()).agency == "Northeast Regional Fusion Network"


@pytest.mark.parametrize(
    ("text", "language", "iso"),
    [
        ("on March 3, 2021 officers", "en", "2021-03-03"),
        ("on 3 March 2021 officers", "en", "2021-03-03"),
        ("dated 03/04/2021", "en", "2021-03-04"),
        ("el 03/04/2021", "es", "2021-04-03"),
        ("el 3 de marzo de 2021", "es", "2021-03-03"),
        ("San Salvador, 03-03-2021", "es", "2021-03-03"),
        ("run 2022-05-17 10:42", "en", "2022-05-17"),
        ("en marzo de 2020", "es", "2020-03"),
        ("in 2019 he left", "en", "2019"),
        ("on 14/03/2004", "en", "2004-03-14"),
        ("DOB 03/14/2004, interviewed on 06/22/2022", "en", "2022-06-22"),
    ],
)
def test_dates_in_english_and_spanish_formats(text, language, iso):
    assert first_date(text, language) == iso


def test_dates_read_as_written_and_in_order():
    found = find_dates("First 2019-01-02, then 5 de mayo de 2020 and June 2021.", "es")
    assert [(d.iso, d.text) for d in found] == [
        ("2019-01-02", "2019-01-02"),
        ("2020-05-05", "5 de mayo de 2020"),
        ("2021-06", "June 2021"),
    ]
    assert [readable(d.iso) for d in found] == ["January 2, 2019", "May 5, 2020", "June 2021"]

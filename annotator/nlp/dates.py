"""Dates as case files write them, in English and Spanish, read to ISO strings.

"March 3, 2021", "3 March 2021", "03/03/2021", "03-03-2021", "2021-03-03", "3 de marzo de 2021",
"marzo de 2021", "in 2019". A date is returned at the precision it was written with: "2021-03-03",
"2021-03" or "2021", so that sorting the strings sorts the dates. A numeric date with both parts
12 or less is read month first in English and day first in Spanish, as each country writes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.nlp.normalize import fold_phrase

_MONTHS = {
    **{
        m: i
        for i, m in enumerate(
            "january february march april may june july august september october november "
            "december".split(),
            start=1,
        )
    },
    **{
        m: i
        for i, m in enumerate(
            "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
            "diciembre".split(),
            start=1,
        )
    },
    **{
        m: i
        for i, m in enumerate(
            "jan feb mar apr may jun jul aug sep oct nov dec".split(),
            start=1,
        )
    },
    "sept": 9,
    "setiembre": 9,
    "ene": 1,
    "abr": 4,
    "ago": 8,
    "dic": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"

_PATTERNS = [
    ("iso", re.compile(rf"\b({_YEAR})-(\d{{1,2}})-(\d{{1,2}})\b")),
    ("mdy_words", re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({_YEAR})\b")),
    (
        "dmy_words",
        re.compile(
            rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:de\s+|of\s+)?({_MONTH})\.?,?\s+(?:de\s+|del\s+)?({_YEAR})\b"
        ),
    ),
    ("numeric", re.compile(rf"\b(\d{{1,2}})[/.-](\d{{1,2}})[/.-]({_YEAR})\b")),
    ("month_year", re.compile(rf"\b({_MONTH})\.?,?\s+(?:de\s+|of\s+)?({_YEAR})\b")),
    ("year", re.compile(rf"\b(?:in|since|during|en|desde|durante|de|del|año|year)\s+({_YEAR})\b")),
]


@dataclass(frozen=True, slots=True)
class FoundDate:
    iso: str
    start: int
    end: int
    text: str


def find_dates(text: str, language: str = "en") -> list[FoundDate]:
    """Every date in `text`, in order, the most precise reading of each stretch kept."""
    folded = fold_phrase(text).lower()
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            iso = _iso(kind, m.groups(), language)
            if iso:
                found.append(FoundDate(iso, m.start(), m.end(), text[m.start() : m.end()]))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def event_dates(text: str, language: str = "en") -> list[FoundDate]:
    """The dates in `text` that are not dates of birth ("DOB 03/14/2004")."""
    return [
        found
        for found in find_dates(text, language)
        if not _BIRTH.search(text[max(0, found.start - 24) : found.start])
    ]


def first_date(text: str, language: str = "en") -> str:
    """The first date in `text` that is not a date of birth, as an ISO string, or ""."""
    dates = event_dates(text, language)
    return dates[0].iso if dates else ""


_BIRTH = re.compile(
    r"(?:dob|d\.o\.b\.?|birth|born|nacimiento|naci[oó]|nac\.)\W{0,3}[\w ]{0,12}$", re.I
)


def _iso(kind: str, groups: tuple[str, ...], language: str) -> str:
    if kind == "iso":
        return _ymd(int(groups[0]), int(groups[1]), int(groups[2]))
    if kind == "mdy_words":
        return _ymd(int(groups[2]), _MONTHS[groups[0]], int(groups[1]))
    if kind == "dmy_words":
        return _ymd(int(groups[2]), _MONTHS[groups[1]], int(groups[0]))
    if kind == "numeric":
        first, second, year = int(groups[0]), int(groups[1]), int(groups[2])
        month, day = (second, first) if language == "es" or first > 12 else (first, second)
        if month > 12:
            month, day = day, month
        return _ymd(year, month, day)
    if kind == "month_year":
        return f"{int(groups[1]):04d}-{_MONTHS[groups[0]]:02d}"
    return groups[0]


def _ymd(year: int, month: int, day: int) -> str:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()


def readable(iso: str) -> str:
    """ "2021-03-03" -> "March 3, 2021"; "2021-03" -> "March 2021"; "2021" -> "2021"."""
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{_MONTH_NAMES[int(parts[1]) - 1]} {int(parts[2])}, {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    return iso

"""The user's own lexicon: "Add to my lexicon", and a clinic's shared pattern files.

Every `*.json` file in the user's pattern folder (core.paths.user_patterns_dir(): on Linux
`$XDG_DATA_HOME/case-file-annotator/patterns/`, by default `~/.local/share/...`) is a pattern
file in the format of models/patterns/ (see lexicon.py), loaded by every scan after the shipped
ones. A clinic shares its phrases by copying such a file in. What the user files find has
subtype "user", whatever a rule says; their phrases also match written with hyphens or spaces
between the words ("Parkview Locos", "Parkview-Locos"). A user file that cannot be read is left
out, named in `Lexicon.problems`, and the shipped lexicon runs without it.

`add_phrase` writes to `<category>.json` in that folder: one rule per language, subtype
"user", its phrases in `phrases` (case, accents, line breaks and line-end hyphens do not
matter). Nothing here imports spaCy.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.errors import LexiconError
from annotator.core.model import Category
from annotator.core.paths import user_patterns_dir
from annotator.nlp.normalize import fold_phrase

SUBTYPE = "user"
LANGUAGES = ("en", "es")


@dataclass(frozen=True, slots=True)
class UserPhrase:
    """One phrase of the user's lexicon, as `annotator lexicon list` shows it."""

    phrase: str
    category: str
    language: str
    """"en", "es", or "all"."""
    file: str


def key(phrase: str) -> str:
    """What two phrases must share to be the same entry: case, accents and spacing aside."""
    return " ".join(fold_phrase(phrase).casefold().replace("-", " ").split())


def user_files(folder: Path | None = None) -> list[Path]:
    directory = folder or user_patterns_dir()
    return sorted(directory.glob("*.json")) if directory.is_dir() else []


def user_stamp(folder: Path | None = None) -> tuple[tuple[str, int, int], ...]:
    """What changes when a user file changes: each file's name, time and size."""
    out = []
    for path in user_files(folder):
        try:
            info = path.stat()
        except OSError:
            continue
        out.append((path.name, info.st_mtime_ns, info.st_size))
    return tuple(out)


def read_user_file(path: Path) -> dict[str, Any]:
    """A user pattern file's JSON; LexiconError naming the file when it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as err:
        raise LexiconError(f"{path}: not a text file ({err.reason})") from err
    except json.JSONDecodeError as err:
        raise LexiconError(f"{path}: not valid JSON (line {err.lineno}: {err.msg})") from err
    except OSError as err:
        raise LexiconError(f"{path}: cannot be read ({err.strerror or err})") from err
    if not isinstance(data, dict) or not isinstance(data.get("rules", []), list):
        raise LexiconError(f"{path}: expected a JSON object with a list of 'rules'")
    return data


def list_phrases(folder: Path | None = None) -> list[UserPhrase]:
    """Every phrase of the user's files that can be read (load_lexicon names the others)."""
    phrases: list[UserPhrase] = []
    for path in user_files(folder):
        try:
            data = read_user_file(path)
        except LexiconError:
            continue
        category = str(data.get("category", "?"))
        for rule in data.get("rules", []):
            if not isinstance(rule, dict):
                continue
            languages = rule.get("languages") or ["all"]
            for phrase in [*rule.get("phrases", []), *rule.get("cased", [])]:
                for language in languages:
                    phrases.append(UserPhrase(str(phrase), category, str(language), path.name))
    return phrases


def add_phrase(
    phrase: str, category: Category, language: str | None = None, folder: Path | None = None
) -> tuple[Path, bool]:
    """Add a phrase to the user's lexicon; (the file, False if it was there already)."""
    text = " ".join(phrase.split())
    if not any(c.isalnum() for c in text):
        raise LexiconError(f"{phrase!r}: a phrase needs at least one letter or digit")
    if language is not None and language not in LANGUAGES:
        raise LexiconError(f"{language!r}: the language must be one of {', '.join(LANGUAGES)}")
    path = (folder or user_patterns_dir()) / f"{category.value}.json"
    data = read_user_file(path) if path.exists() else _new_file(category)
    if data.get("category") != category.value:
        raise LexiconError(f"{path}: 'category' is not {category.value!r}")
    rules: list[dict[str, Any]] = data.setdefault("rules", [])
    wanted = [language] if language else None
    rule = next(
        (r for r in rules if r.get("subtype") == SUBTYPE and r.get("languages") == wanted),
        None,
    )
    if rule is None:
        rule = {"subtype": SUBTYPE, "phrases": []}
        if wanted:
            rule["languages"] = wanted
        rules.append(rule)
    phrases: list[str] = rule.setdefault("phrases", [])
    if any(key(p) == key(text) for p in phrases):
        return path, False
    phrases.append(text)
    _write(path, data)
    return path, True


def remove_phrase(phrase: str, folder: Path | None = None) -> list[Path]:
    """Take a phrase out of every user file that has it (case and accents aside); the files
    changed. A file that cannot be read is not touched: LexiconError names it."""
    wanted = key(phrase)
    changed = []
    for path in user_files(folder):
        data = read_user_file(path)
        found = False
        for rule in data.get("rules", []):
            for field in ("phrases", "cased"):
                kept = [p for p in rule.get(field, []) if key(str(p)) != wanted]
                if len(kept) != len(rule.get(field, [])):
                    rule[field] = kept
                    found = True
        if found:
            data["rules"] = [r for r in data["rules"] if _matches_something(r)]
            _write(path, data)
            changed.append(path)
    return changed


def _matches_something(rule: dict[str, Any]) -> bool:
    return any(rule.get(k) for k in ("phrases", "cased", "patterns", "cues"))


def _new_file(category: Category) -> dict[str, Any]:
    return {
        "category": category.value,
        "language": "all",
        "version": "user",
        "description": "Phrases added with 'Add to my lexicon' (annotator lexicon add).",
        "rules": [],
    }


def _write(path: Path, data: dict[str, Any]) -> None:
    """Write the file whole or not at all: a crash mid-write leaves the old one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def joined_variants(phrase: str) -> list[str]:
    """A user phrase written with a hyphen or a space between each pair of its words, as a
    page may write it ("Parkview Locos", "Parkview-Locos"); up to five words."""
    words = phrase.split()
    if not 1 < len(words) <= 5:
        return [phrase]
    out = [words[0]]
    for word in words[1:]:
        out = [f"{head}{sep}{word}" for head in out for sep in (" ", "-")]
    return out

"""Reading the lexicon: the shipped pattern files under models/ and the user's own, checked
and turned into the Rules of lexicon.py (whose docstring says what a pattern file holds)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import LexiconError
from annotator.core.model import Category
from annotator.nlp.lexicon import RULE_KEYS, Lexicon, Rule, rule_triggers
from annotator.nlp.normalize import fold_phrase
from annotator.nlp.user_lexicon import SUBTYPE as USER_SUBTYPE
from annotator.nlp.user_lexicon import joined_variants, read_user_file, user_files


def _variants(phrase: str) -> list[str]:
    """A phrase with hyphens also written with a space and closed up ("MS-13", "MS 13", "MS13")."""
    folded = fold_phrase(phrase).strip()
    out = [folded]
    if "-" in folded:
        out += [folded.replace("-", " "), folded.replace("-", "")]
    return out


def _expand(items: list[str], capitals: bool = False) -> list[str]:
    """The phrases and their variants; with `capitals`, a phrase of several words is also
    matched typed all in capitals ("SAFE PROGRAM" in an I-213 narrative), while one word keeps
    its capitals exactly ("Netas" is a gang, "NETAS" as likely a heading's word)."""
    seen: dict[str, None] = {}
    for item in items:
        for v in _variants(item):
            seen.setdefault(v, None)
            if capitals and " " in v.strip():
                seen.setdefault(v.upper(), None)
    return list(seen)


def _rule(raw: dict[str, Any], key: str, category: Category, where: str) -> Rule:
    unknown = set(raw) - RULE_KEYS
    if unknown:
        raise LexiconError(f"{where}: unknown keys {sorted(unknown)} in rule {key}")
    return Rule(
        key=key,
        category=category,
        subtype=str(raw.get("subtype", "exclude")),
        phrases=_expand(raw.get("phrases", [])),
        cased=_expand(raw.get("cased", []), capitals=True),
        patterns=[_fold_pattern(p) for p in raw.get("patterns", [])],
        context=[fold_phrase(w).lower() for w in raw.get("context", [])],
        window=int(raw.get("window", 8)),
        anchor=str(raw.get("anchor", "")),
        context_anchor=str(raw.get("context_anchor", "")),
        not_preceded_by=[fold_phrase(w).lower() for w in raw.get("not_preceded_by", [])],
        not_followed_by=[fold_phrase(w).lower() for w in raw.get("not_followed_by", [])],
        followed_by=frozenset(fold_phrase(w).lower() for w in raw.get("followed_by", [])),
        not_near=frozenset(fold_phrase(w).lower() for w in raw.get("not_near", [])),
        cues=[fold_phrase(w).lower() for w in raw.get("cues", [])],
        near_words=[fold_phrase(w).lower() for w in raw.get("near_words", [])],
        near_subtypes=list(raw.get("near_subtypes", [])),
        link_words=[fold_phrase(w).lower() for w in raw.get("link_words", [])],
        languages=list(raw.get("languages", [])),
        not_in_caps=bool(raw.get("not_in_caps", False)),
        not_a_name=bool(raw.get("not_a_name", False)),
        emit=bool(raw.get("emit", True)),
        extend_left=_extend_mode(raw.get("extend_left", "")),
        not_names=frozenset(fold_phrase(w) for w in raw.get("not_names", [])),
        name_only=bool(raw.get("name_only", False)),
        remember=bool(raw.get("remember", False)),
        free_links=int(raw.get("free_links", 0)),
        list_openers=[fold_phrase(w).lower() for w in raw.get("list_openers", [])],
        trigger=bool(raw.get("trigger", True)),
    )


def _extend_mode(value: Any) -> str:
    if value is True:
        return "required"
    if value in ("", False, None):
        return ""
    if value in ("required", "optional"):
        return str(value)
    raise LexiconError(f"extend_left must be true, 'required' or 'optional', not {value!r}")


def _fold_pattern(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fold the literal strings of a Matcher pattern like the text it runs on."""

    def fold_value(value: Any) -> Any:
        if isinstance(value, str):
            return fold_phrase(value)
        if isinstance(value, list):
            return [fold_value(v) for v in value]
        if isinstance(value, dict):
            return {k: (v if k == "REGEX" else fold_value(v)) for k, v in value.items()}
        return value

    return [{k: (v if k == "OP" else fold_value(v)) for k, v in tok.items()} for tok in pattern]


def load_lexicon(models_dir: Path, user_dir: Path | None = None) -> Lexicon:
    """The shipped pattern files under models_dir/patterns, then the user's own (`user_dir`,
    by default core.paths.user_patterns_dir(); see user_lexicon.py). A user file that cannot be
    read is left out and named in `problems`; a shipped one raises LexiconError."""
    pattern_dir = models_dir / "patterns"
    files = sorted(pattern_dir.glob("*.json"))
    if not files:
        raise LexiconError(f"{pattern_dir}: no pattern files found")
    digest = hashlib.sha256()
    found = _Found()
    manifest = read_json(models_dir / "lexicon.json")
    for path in files:
        data = read_json(path)
        digest.update(path.name.encode() + path.read_bytes())
        found.add(_file_rules(path, data, path.stem))
    version = f"{manifest.get('version', '0')}+{digest.hexdigest()[:8]}"
    names = [f.name for f in files]
    user_digest = hashlib.sha256()
    problems: list[str] = []
    for path in user_files(user_dir):
        try:
            rules = _file_rules(path, _user_data(path), f"user/{path.stem}")
        except LexiconError as err:
            problems.append(f"{err}; that file of your own lexicon was left out")
            continue
        except (TypeError, ValueError, AttributeError, KeyError) as err:
            problems.append(
                f"{path}: not a pattern file as models/patterns/ holds ({err}); "
                "that file of your own lexicon was left out"
            )
            continue
        for rule in rules.rules + rules.excludes:
            rule.subtype = USER_SUBTYPE
        found.add(rules)
        user_digest.update(path.name.encode() + path.read_bytes())
        names.append(f"user/{path.name}")
    if len(names) > len(files):
        version += f"+user-{user_digest.hexdigest()[:8]}"
    triggers: set[str] = set()
    always = False
    for rule in found.rules:
        words = rule_triggers(rule)
        if words is None:
            always = True
        else:
            triggers |= words
    return Lexicon(
        version,
        found.rules,
        found.excludes,
        found.hedges,
        found.negations,
        names,
        frozenset(triggers),
        always,
        problems,
    )


@dataclass(slots=True)
class _Found:
    """What pattern files hold, gathered."""

    rules: list[Rule] = field(default_factory=list)
    excludes: list[Rule] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)
    negations: list[str] = field(default_factory=list)

    def add(self, other: _Found) -> None:
        self.rules += other.rules
        self.excludes += other.excludes
        self.hedges += other.hedges
        self.negations += other.negations


def _file_rules(path: Path, data: dict[str, Any], name: str) -> _Found:
    """The rules of one pattern file, keyed by `name` ("gang_label.en#3")."""
    found = _Found()
    if path.name.startswith("hedges."):
        found.hedges = [fold_phrase(h).lower() for h in data.get("hedges", [])]
        found.negations = [fold_phrase(h).lower() for h in data.get("negations", [])]
        return found
    try:
        category = Category(data["category"])
    except (KeyError, ValueError) as err:
        raise LexiconError(
            f"{path}: 'category' must be one of {[c.value for c in Category]}"
        ) from err
    lists = data.get("lists", {})
    for i, raw in enumerate(data.get("rules", [])):
        raw = _with_lists(raw, lists, str(path)) if lists else raw
        found.rules.append(_rule(raw, f"{name}#{i}", category, str(path)))
    for i, raw in enumerate(data.get("exclude", [])):
        raw = _with_lists(raw, lists, str(path)) if lists else raw
        found.excludes.append(_rule(raw, f"{name}!{i}", category, str(path)))
    return found


def _user_data(path: Path) -> dict[str, Any]:
    """A user file's JSON with each phrase also joined by hyphens, its rules checked as far as
    spaCy will take them (a bad token pattern would stop every scan)."""
    data = read_user_file(path)
    for i, rule in enumerate(data.get("rules", [])):
        if not isinstance(rule, dict):
            raise LexiconError(f"{path}: rule {i + 1} is not a JSON object")
        if isinstance(rule.get("phrases"), list):
            rule["phrases"] = [v for p in rule["phrases"] for v in joined_variants(str(p))]
        if rule.get("patterns"):
            _check_patterns(path, i, rule["patterns"])
    return data


def _check_patterns(path: Path, i: int, patterns: Any) -> None:
    from annotator.nlp.spacy_import import import_spacy

    import_spacy()
    from spacy.schemas import validate_token_pattern

    for pattern in patterns if isinstance(patterns, list) else [patterns]:
        errors = validate_token_pattern(pattern)
        if errors:
            raise LexiconError(f"{path}: rule {i + 1} has a bad token pattern ({errors[0]})")


def _with_lists(value: Any, lists: dict[str, list[Any]], where: str) -> Any:
    """The value with each "@name" item of its lists replaced by the file's list of that name."""
    if isinstance(value, dict):
        return {k: _with_lists(v, lists, where) for k, v in value.items()}
    if not isinstance(value, list):
        return value
    out: list[Any] = []
    for item in value:
        if isinstance(item, str) and item.startswith("@"):
            if item[1:] not in lists:
                raise LexiconError(f"{where}: no list named {item[1:]!r} under 'lists'")
            out += lists[item[1:]]
        else:
            out.append(_with_lists(item, lists, where))
    return out


def read_json(path: Path) -> dict[str, Any]:
    """A pattern file of models/: a JSON object, or a LexiconError naming the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise LexiconError(f"{path}: missing") from err
    except json.JSONDecodeError as err:
        raise LexiconError(f"{path}: not valid JSON (line {err.lineno}: {err.msg})") from err
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a JSON object")
    return data

"""A trained second opinion on a gang reference's role, after the rules have decided it.

The rules (roles.py, role_rules.py) stay the first line. A small spaCy text classifier (a
bag-of-words `textcat` with exclusive classes, trained by tools/train_roles.py on the marked
eval sets, weights in models/roles/model/) reads the reference as the rules saw it: its
sentence with the reference itself as one token, the words either side, the cue lists' hits
(before, inside or after the reference), the sentences before and after, and the rules' own
answer. Where the classifier names another role with a probability of at least the threshold
kept with the weights (models/roles/model.json, chosen by cross-validation over held-out sets,
eval/roles/notes/rolesml_cv.txt), its role is shown instead.

The weights are loaded once per process, on the first gang reference; a models directory
without them (a test's, say) gets the rules alone.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.model import Role
from annotator.nlp.role_cues import TOKEN

if TYPE_CHECKING:
    from annotator.nlp.role_sentence import Sentence
    from annotator.nlp.roles import RoleReader

MODEL_DIR = "model"
POLICY = "model.json"
WINDOW = 4
"""Words either side of the reference read as its neighbours."""
NEAR = 5
"""Tokens within which a cue hit counts as near the reference."""
CONTEXT = 40
"""Tokens at most read from the sentence before and after."""
NEXT_REACH = 300
"""Characters after the sentence read for the next one."""
GROUPS = ("rule", "span", "sent", "window", "hits", "prev", "next", "page")
"""The feature groups `features` returns; the shipped model names the ones it was trained on."""


def _norm(sent: Sentence, k: int, names: frozenset[str], others: set[int]) -> str:
    raw = sent.raw[k]
    word = sent.tokens[k]
    if k > 0 and raw[:1].isupper() and len(raw) > 1:
        if word in names:
            return "<resp>"
        if k in others:
            return "<other>"
    if any(c.isdigit() for c in word):
        return "<num>"
    return word


def _covered(sent: Sentence, name: str) -> set[int]:
    return {k for s, e in sent.hits.get(name, ()) for k in range(s, e)}


def features(
    reader: RoleReader, start: int, end: int, s_start: int, s_end: int, subtype: str, rule: Role
) -> dict[str, list[str]]:
    """The reference at folded offsets start..end in the sentence s_start..s_end, as feature
    words by group (see GROUPS)."""
    sent = reader._sentence(s_start, s_end)
    a, b = sent.token_range(start, end)
    names = reader.names
    others = _covered(sent, "others")
    norm = [_norm(sent, k, names, others) for k in range(len(sent.tokens))]
    out: dict[str, list[str]] = {g: [] for g in GROUPS}
    out["rule"] = [f"rule_{rule.value}", f"sub_{subtype}", f"lang_{sent.language}"]
    out["span"] = [f"s:{w}" for w in norm[a:b]]
    out["sent"] = [*norm[:a], "<g>", *norm[b:]]
    out["window"] = [f"l{a - k}:{norm[k]}" for k in range(max(0, a - WINDOW), a)] + [
        f"r{k - b + 1}:{norm[k]}" for k in range(b, min(len(norm), b + WINDOW))
    ]
    hits = []
    for name, found in sorted(sent.hits.items()):
        for s, e in found:
            side = "b" if e <= a else "a" if s >= b else "i"
            hits.append(f"h{side}:{name}")
            if (side == "b" and a - e < NEAR) or (side == "a" and s - b < NEAR):
                hits.append(f"hn{side}:{name}")
    out["hits"] = hits
    before = reader.previous(sent)
    if before is not None:
        out["prev"] = [f"p:{w}" for w in before.tokens[-CONTEXT:]] + [
            f"ph:{name}" for name in sorted(before.hits) if before.hits[name]
        ]
    out["next"] = [f"x:{w}" for w in _next_words(reader.text, s_end)]
    page = []
    if reader.accused:
        page.append("page_accused")
    if reader.relation is not None:
        page.append("page_relation")
    if names:
        page.append("page_named")
    out["page"] = page
    return out


def _next_words(text: str, s_end: int) -> list[str]:
    tail = text[s_end : s_end + NEXT_REACH]
    cut = [i for i in (tail.find(". ", 2), tail.find("? ", 2), tail.find("! ", 2)) if i >= 0]
    if cut:
        tail = tail[: min(cut) + 1]
    words = [m.group().lower() for m in TOKEN.finditer(tail)]
    return ["<num>" if any(c.isdigit() for c in w) else w for w in words[:CONTEXT]]


def words_of(groups: dict[str, list[str]], wanted: tuple[str, ...] | list[str]) -> list[str]:
    """The feature words of the groups `wanted`, in order: the classifier's input."""
    return [w for g in wanted for w in groups.get(g, ())] or ["<empty>"]


@dataclass(frozen=True)
class Policy:
    """When the classifier's role replaces the rules' (models/roles/model.json)."""

    groups: tuple[str, ...]
    threshold: float
    """The classifier's role is shown when it differs and its probability is at least this."""


KEPT = 512
"""Answers kept for references read in the same words before (a file's boilerplate)."""


class RoleModel:
    """The classifier and its policy."""

    def __init__(self, nlp: Any, policy: Policy) -> None:
        self.nlp = nlp
        self.policy = policy
        self.textcat = nlp.get_pipe("textcat")
        self._kept: dict[tuple[str, ...], dict[str, float]] = {}

    def probabilities(self, words: list[str]) -> dict[str, float]:
        key = tuple(words)
        cats = self._kept.get(key)
        if cats is None:
            from spacy.tokens import Doc

            cats = dict(self.textcat(Doc(self.nlp.vocab, words=words)).cats)
            if len(self._kept) >= KEPT:
                self._kept.pop(next(iter(self._kept)))
            self._kept[key] = cats
        return cats

    def __call__(
        self,
        reader: RoleReader,
        start: int,
        end: int,
        s_start: int,
        s_end: int,
        subtype: str,
        role: Role,
    ) -> Role:
        """The role to show for a reference the rules gave `role`."""
        groups = features(reader, start, end, s_start, s_end, subtype, role)
        cats = self.probabilities(words_of(groups, self.policy.groups))
        best = max(cats, key=cats.__getitem__)
        if best != role.value and cats[best] >= self.policy.threshold:
            return Role(best)
        return role


_LOADED: dict[Path, RoleModel | None] = {}
_LOCK = threading.Lock()


def load_role_model(models_dir: Path) -> RoleModel | None:
    """The classifier kept in models_dir/roles/, loaded once per process; None without one."""
    key = Path(models_dir)
    with _LOCK:
        if key not in _LOADED:
            _LOADED[key] = _load(key / "roles")
        return _LOADED[key]


def _load(directory: Path) -> RoleModel | None:
    policy_path = directory / POLICY
    if not policy_path.is_file() or not (directory / MODEL_DIR).is_dir():
        return None
    from annotator.nlp.spacy_import import import_spacy

    spacy = import_spacy()
    data = json.loads(policy_path.read_text(encoding="utf-8"))
    policy = Policy(tuple(data["groups"]), float(data["threshold"]))
    return RoleModel(spacy.load(directory / MODEL_DIR), policy)


class SecondOpinion:
    """The classifier of a models directory as RoleReader.second_opinion: loaded on the first
    reference it is asked about (once per process), the rules' role kept without one."""

    def __init__(self, models_dir: Path) -> None:
        self.models_dir = models_dir

    def __call__(
        self,
        reader: RoleReader,
        start: int,
        end: int,
        s_start: int,
        s_end: int,
        subtype: str,
        role: Role,
    ) -> Role:
        model = load_role_model(self.models_dir)
        if model is None:
            return role
        return model(reader, start, end, s_start, s_end, subtype, role)

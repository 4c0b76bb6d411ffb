"""The app's vocabulary: what each category, status, role, approval and kind of withholding is
called and how it is coloured. One definition, read by the window, the memo and the exhibits."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    GANG_LABEL = "gang_label"
    RED_NOTICE = "red_notice"
    SAFE = "safe"
    FUSION_CENTER = "fusion_center"

    @property
    def label(self) -> str:
        """The heading for findings of this kind: "Gang labels"."""
        return _CATEGORY_TERMS[self][0]

    @property
    def short(self) -> str:
        """One finding of this kind: "Gang label"."""
        return _CATEGORY_TERMS[self][1]

    @property
    def colour(self) -> str:
        """Its highlight colour, "#rrggbb": the window, the exhibits and the memo use it."""
        return _CATEGORY_TERMS[self][2]


_CATEGORY_TERMS = {
    Category.GANG_LABEL: ("Gang labels", "Gang label", "#e4572e"),
    Category.RED_NOTICE: ("INTERPOL Red Notices", "Red Notice", "#f2a900"),
    Category.SAFE: ("SAFE and foreign police data", "SAFE", "#2e86de"),
    Category.FUSION_CENTER: ("Fusion centers", "Fusion center", "#8e44ad"),
}


class Status(StrEnum):
    UNTAGGED = "untagged"
    UNVERIFIED = "unverified"
    REBUTTED = "rebutted"
    DISMISSED = "dismissed"

    @property
    def label(self) -> str:
        """How the window, the memo and the exhibits name it: "Not yet reviewed"."""
        return _STATUS_TERMS[self][0]

    @property
    def meaning(self) -> str:
        return _STATUS_TERMS[self][1]

    @property
    def key(self) -> str:
        """The key that sets it in the window."""
        return _STATUS_TERMS[self][2]

    @property
    def colour(self) -> str:
        return _STATUS_TERMS[self][3]


_STATUS_TERMS = {
    Status.UNTAGGED: ("Not yet reviewed", "not yet reviewed", "Backspace", "#6b7280"),
    Status.UNVERIFIED: ("Unverified", "no corroboration in the record; disputed", "U", "#b45309"),
    Status.REBUTTED: ("Rebutted", "contradicted by evidence", "R", "#15803d"),
    Status.DISMISSED: ("Dismissed", "not a real reference", "D", "#9ca3af"),
}


def tint(colour: str, strength: float) -> tuple[float, float, float]:
    """`colour` laid over white paper at `strength` (0-1), as RGB fractions: how a highlight of
    that colour looks on the page, on screen and in an exhibit alike."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return (1 - strength * (1 - r), 1 - strength * (1 - g), 1 - strength * (1 - b))


HIGHLIGHT_STRENGTH = 0.33
"""How strongly a finding's highlight tints the page it sits on."""


class Role(StrEnum):
    """Who a gang reference is about: what the memo does with it depends on it."""

    SUBJECT = "subject"
    PERSECUTOR = "persecutor"
    THIRD_PARTY = "third_party"
    BACKGROUND = "background"

    @property
    def label(self) -> str:
        """How the window and the memo name it beside a status: "Labels the respondent"."""
        return _ROLE_TERMS[self][0]

    @property
    def heading(self) -> str:
        """The memo's section for references of this role."""
        return _ROLE_TERMS[self][1]

    @property
    def meaning(self) -> str:
        return _ROLE_TERMS[self][2]

    @property
    def colour(self) -> str:
        return _ROLE_TERMS[self][3]


_ROLE_TERMS = {
    Role.SUBJECT: (
        "Labels the respondent",
        "Statements that label the respondent",
        "labels the respondent, or is the respondent's own record",
        "#b91c1c",
    ),
    Role.PERSECUTOR: (
        "Gang as persecutor",
        "The gang as persecutor",
        "the gang harming or threatening the respondent or the family",
        "#1d4ed8",
    ),
    Role.THIRD_PARTY: (
        "About someone else",
        "Gang references about other people",
        "labels someone other than the respondent",
        "#7c3aed",
    ),
    Role.BACKGROUND: (
        "Background",
        "Background: gangs, country conditions and databases in general",
        "general gang topics, country conditions, databases or units",
        "#6b7280",
    ),
}


class WithholdingKind(StrEnum):
    """What a FOIA release marks as held back."""

    WITHHELD_PAGE = "withheld_page"
    EXEMPTION = "exemption"
    REDACTION = "redaction"
    REFERRAL = "referral"
    BATES_GAP = "bates_gap"

    @property
    def label(self) -> str:
        return _WITHHOLDING_TERMS[self]


_WITHHOLDING_TERMS = {
    WithholdingKind.WITHHELD_PAGE: "Page withheld in full",
    WithholdingKind.EXEMPTION: "Exemption cited",
    WithholdingKind.REDACTION: "Redaction",
    WithholdingKind.REFERRAL: "Referred to another agency",
    WithholdingKind.BATES_GAP: "Gap in the page numbering",
}


class Approval(StrEnum):
    """A supervisor's second-level check of a reviewer's tag."""

    PENDING = "pending"
    APPROVED = "approved"
    OVERTURNED = "overturned"

    @property
    def label(self) -> str:
        """How the window, the stats and the memo filter name it: "Approved"."""
        return _APPROVAL_TERMS[self][0]

    @property
    def meaning(self) -> str:
        return _APPROVAL_TERMS[self][1]

    @property
    def key(self) -> str:
        """The key that sets it in the window ("" for none)."""
        return _APPROVAL_TERMS[self][2]

    @property
    def colour(self) -> str:
        return _APPROVAL_TERMS[self][3]


_APPROVAL_TERMS = {
    Approval.PENDING: ("Not yet checked", "the supervisor has not checked this tag", "", "#6b7280"),
    Approval.APPROVED: ("Approved", "the supervisor agrees with the tag", "A", "#15803d"),
    Approval.OVERTURNED: ("Overturned", "the supervisor disagrees with the tag", "O", "#b91c1c"),
}


class Source(StrEnum):
    MODEL = "model"
    MANUAL = "manual"

"""Every change a reviewer makes to a case, as an operation with its inverse, and its history.

Qt-free, below the two faces: the window and the command line run the same operations, and undo
and redo work from either, across a restart, because the history is kept in the case file.
`claims` says when two findings are the same claim.

Several reviews of one case: `collect` makes a review package (or a key) from a case, and
`package_file` writes and reads it; `merge` brings packages into a case and `conflicts`
resolves what they disagree on; `supervise` is the second-level check (approve, overturn) and
its per-reviewer figures; `grading` scores a student's package against a key. `clinic_ops`
holds their operations (imported here so the history can read them back).
"""

from annotator.review import clinic_ops  # noqa: F401  registers its operations' loaders
from annotator.review.claims import also_in, claim_key, same_claim
from annotator.review.operations import AddFinding, Batch, DeleteFinding, Operation, SetFields
from annotator.review.review import Change, Review, ReviewError

__all__ = [
    "AddFinding",
    "Batch",
    "Change",
    "DeleteFinding",
    "Operation",
    "Review",
    "ReviewError",
    "SetFields",
    "also_in",
    "claim_key",
    "same_claim",
]

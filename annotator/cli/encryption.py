"""`annotator encrypt CASE` and `annotator rekey CASE`: protect a case file with a passphrase.

The passphrase comes from --passphrase-file (its first line) or ANNOTATOR_PASSPHRASE; rekey's
new one from --new-passphrase-file or ANNOTATOR_NEW_PASSPHRASE. Neither is written anywhere.
"""

from __future__ import annotations

import argparse
from typing import Any

from annotator.cli.output import (
    EXIT_OK,
    NEW_PASSPHRASE_ENV,
    PASSPHRASE_ENV,
    UsageError,
    read_passphrase,
    require_case,
)


def register(sub: Any) -> None:
    encrypt = sub.add_parser(
        "encrypt", help="encrypt a plain case file with a passphrase (the file is replaced)"
    )
    encrypt.add_argument("case")
    encrypt.set_defaults(run=run_encrypt)

    rekey = sub.add_parser("rekey", help="change an encrypted case file's passphrase")
    rekey.add_argument("case")
    rekey.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help=f"the new passphrase: the first line of FILE; default: {NEW_PASSPHRASE_ENV}",
    )
    rekey.set_defaults(run=run_rekey)


def run_encrypt(args: argparse.Namespace) -> int:
    from annotator.store.rekey import encrypt_case

    require_case(args.case)
    encrypt_case(args.case, _required(args, "passphrase_file", PASSPHRASE_ENV, "the passphrase"))
    print(f"{args.case}: encrypted; without the passphrase it cannot be opened")
    return EXIT_OK


def run_rekey(args: argparse.Namespace) -> int:
    from annotator.store.rekey import rekey_case

    require_case(args.case)
    old = _required(args, "passphrase_file", PASSPHRASE_ENV, "the current passphrase")
    new = _required(args, "new_passphrase_file", NEW_PASSPHRASE_ENV, "the new passphrase")
    rekey_case(args.case, old, new)
    print(f"{args.case}: passphrase changed")
    return EXIT_OK


def _required(args: argparse.Namespace, option: str, env: str, what: str) -> str:
    passphrase = read_passphrase(args, option, env)
    if passphrase is None:
        flag = "--" + option.replace("_", "-")
        raise UsageError(f"{args.command}: give {what} with {flag} FILE or {env}")
    return passphrase

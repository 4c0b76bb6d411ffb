"""`annotator`: the desktop app by default, and subcommands for headless work.

Each group of subcommands is a module of this package with a `register(subparsers)` that adds
its parsers, each with a `run` default taking the parsed arguments and returning the exit code.
Errors reach the user as one line on stderr naming the file and the problem, never a traceback:
exit 2 for a usage error, 3 for a bad input file (the rest of a batch is still processed).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import signal
import sys
from collections.abc import Sequence
from typing import NoReturn

from annotator.cli.output import (
    EXIT_BAD_INPUT,
    EXIT_USAGE,
    UsageError,
    add_passphrase_option,
    error,
)
from annotator.core.errors import AnnotatorError
from annotator.core.privacy import make_files_private

COMMAND_MODULES = (
    "scan",
    "case_commands",
    "export",
    "review_commands",
    "withheld",
    "encryption",
    "lexicon",
)
"""The modules under annotator.cli that define subcommands, in the order `--help` lists them."""


def _parser() -> tuple[argparse.ArgumentParser, list[str]]:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Find, tag and rebut gang labels, Red Notices, SAFE and fusion-center "
        "references in immigration case PDFs. Works offline.",
        epilog="Run 'annotator' alone (or with a case file or PDFs) to open the desktop app.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"annotator.cli.{name}").register(sub)
    for command in sub.choices.values():  # each one opens a case, which may be encrypted
        add_passphrase_option(command)
    return parser, list(sub.choices)


def program() -> NoReturn:
    """The `annotator` command and `python -m annotator`: main() as a process of its own."""
    global _OWN_PROCESS
    _OWN_PROCESS = True
    make_files_private()
    signal.signal(signal.SIGTERM, _terminated)
    code = main()
    freeze_heap()  # nothing made so far is garbage: Python's exit need not walk it again
    raise SystemExit(code)


_OWN_PROCESS = False
"""True when this process is the command itself, not a program calling main() (a test)."""


def _terminated(signum: int, frame: object) -> NoReturn:
    """SIGTERM (a system shutting down, `kill`): leave as from an error, so the case is closed,
    its lock released and the workers stopped on the way out. Committed work is kept either way;
    workers die with this process even when it is killed outright (see core.lifeline)."""
    raise SystemExit(128 + signum)


def freeze_heap() -> None:
    """Move every object made so far out of the cyclic garbage collector's sight (gc.freeze).

    The modules a scan loads (PyMuPDF, sqlite-utils, numpy) make objects that live until the
    process exits, and every full collection walks them again; so does Python's exit. Frozen
    after start-up, they are never walked. Only when this process is the command: a program
    calling main() keeps its garbage collector as it was.
    """
    if _OWN_PROCESS:
        gc.freeze()


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser, commands = _parser()
    if not args_list or (args_list[0] not in commands and args_list[0] not in ("-h", "--help")):
        return gui_main(args_list)
    args = parser.parse_args(args_list)
    try:
        return int(args.run(args))
    except UsageError as err:
        error(str(err))
        return EXIT_USAGE
    except AnnotatorError as err:
        error(str(err))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        error(
            "interrupted; what was stored is kept, and the next scan of the case finishes the rest"
        )
        return 130
    except Exception as err:  # the last resort: one line, never a traceback
        error(f"unexpected error: {type(err).__name__}: {err} (please report this)")
        return 1


def gui_program() -> NoReturn:
    """The `annotator-gui` command: the desktop app as a process of its own."""
    make_files_private()
    raise SystemExit(gui_main())


def gui_main(argv: Sequence[str] | None = None) -> int:
    """Open the desktop app."""
    try:
        from annotator.ui.app import run  # the only import of the Qt face
    except ImportError as err:
        error(f"the desktop app cannot start: {err}")
        return EXIT_USAGE
    return run(list(sys.argv[1:] if argv is None else argv))

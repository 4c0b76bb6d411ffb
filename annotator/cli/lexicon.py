"""`annotator lexicon add PHRASE --category C [--language en|es]`, `lexicon list [--json]`,
`lexicon remove PHRASE`: the user's own lexicon (see annotator.nlp.user_lexicon).

Every later scan uses it, with subtype "user" for what it finds, and the lexicon version stored
with each finding changes with it, so a document scanned again is detected again."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from annotator.cli.output import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, error, print_json
from annotator.core.model import Category


def register(sub: Any) -> None:
    lexicon = sub.add_parser("lexicon", help="your own lexicon: phrases every scan finds")
    actions = lexicon.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a phrase to your lexicon")
    add.add_argument("phrase", metavar="PHRASE")
    add.add_argument("--category", required=True, choices=[c.value for c in Category])
    add.add_argument(
        "--language", choices=("en", "es"), help="pages it applies to (default: every page)"
    )
    add.set_defaults(run=run_add)
    listing = actions.add_parser("list", help="list the phrases of your lexicon")
    listing.add_argument("--json", action="store_true", help="print them as JSON Lines")
    listing.set_defaults(run=run_list)
    remove = actions.add_parser("remove", help="take a phrase out of your lexicon")
    remove.add_argument("phrase", metavar="PHRASE")
    remove.set_defaults(run=run_remove)


def run_add(args: argparse.Namespace) -> int:
    from annotator.nlp.user_lexicon import add_phrase

    path, added = add_phrase(args.phrase, Category(args.category), args.language)
    where = f"{args.category}, {args.language or 'every language'}"
    if added:
        print(f"added {args.phrase!r} ({where}) to {path}")
    else:
        print(f"{args.phrase!r} is already in your lexicon ({path})")
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    from annotator.core.paths import models_dir, user_patterns_dir
    from annotator.nlp.lexicon_load import load_lexicon
    from annotator.nlp.user_lexicon import list_phrases

    problems = load_lexicon(models_dir()).problems  # what a scan would say of the files
    for problem in problems:
        error(problem)
    phrases = list_phrases()
    if args.json:
        for phrase in phrases:
            print_json(asdict(phrase))
    else:
        print(f"your lexicon: {user_patterns_dir()}")
        if not phrases:
            print("  (no phrases yet: annotator lexicon add PHRASE --category C)")
        for p in phrases:
            print(f"  {p.category:<14} {p.language:<4} {p.phrase}   [{p.file}]")
    return EXIT_BAD_INPUT if problems else EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    from annotator.core.paths import user_patterns_dir
    from annotator.nlp.user_lexicon import remove_phrase

    changed = remove_phrase(args.phrase)
    if not changed:
        error(f"{args.phrase!r} is not in your lexicon ({user_patterns_dir()})")
        return EXIT_USAGE
    for path in changed:
        print(f"removed {args.phrase!r} from {path}")
    return EXIT_OK

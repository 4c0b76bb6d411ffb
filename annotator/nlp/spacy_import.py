"""Import spaCy without its command line.

`import spacy` runs `from .cli.info import info`, and `spacy/cli/__init__.py` imports every
command spaCy has: typer, weasel, jinja2, requests and httpx among them. Detection never runs a
spaCy command, yet that import is a third of spaCy's start-up in every detection worker, and
puts two HTTP clients in a process that reads confidential files. spaCy's maintainers have tried
to make it lazy: explosion/spaCy#12962 (merged, then reverted by #13040), #13721 and #13933
(open).

Until spaCy does it, `import_spacy` imports spaCy with a stand-in for `spacy.cli.info` whose
`info` loads the real command line when it is called. The stand-in is removed from
`sys.modules` the moment spaCy is imported, so `import spacy.cli` later gets the real package,
and if a spaCy release needs more of `spacy.cli` than `info`, spaCy is imported the ordinary way.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import Any


def import_spacy() -> ModuleType:
    """The spaCy package, imported (when it is not already) without its command line."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    package = ModuleType("spacy.cli", "spaCy's command line, not imported (see annotator).")
    package.__path__ = []  # a package with no submodules: anything else spaCy asks for fails
    info = ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": package, "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    try:
        spacy = importlib.import_module("spacy")
    except ImportError:
        spacy = None
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if spacy is None:  # this spaCy wants more of its command line: import it as it is
        return importlib.import_module("spacy")
    if getattr(spacy, "cli", None) is package:
        del spacy.cli  # `import spacy.cli` sets it again, to the real package
    return spacy


def _info(*args: Any, **kwargs: Any) -> Any:
    """spacy.info: spaCy's own, loaded on first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)

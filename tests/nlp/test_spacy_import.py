"""spaCy imported without its command line: detection works, no HTTP client is loaded, spaCy's
command line still works when asked for, and a spaCy that needs more of it is imported as is.

Each test runs in a fresh interpreter: the tests' own process has spaCy imported already."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import annotator

ROOT = Path(annotator.__file__).resolve().parent.parent
HTTP_CLIENTS = ("requests", "httpx", "urllib3", "http.client", "urllib.request")


def _run(code: str, *, path: Path | None = None) -> dict:
    env_path = [str(path)] if path else []
    prelude = f"import sys; sys.path[:0] = {env_path!r}\n"
    done = subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_detection_runs_without_spacys_command_line_or_any_http_client():
    result = _run(
        f"""
        import json, sys
        from annotator.core.model import PageText
        from annotator.nlp.detect import Detector
        detector = Detector()
        page = PageText(1, 612, 792, 0, "The officer noted he is an MS-13 associate.", [])
        found = [d.text for d in detector.detect_page(page)]
        detector.pipeline("es")
        loaded = [m for m in sys.modules if m.split(".")[0] in ("typer", "weasel", "jinja2")
                  or m.startswith("spacy.cli") or m.startswith({HTTP_CLIENTS!r})]
        print(json.dumps({{"found": found, "loaded": loaded}}))
        """
    )
    assert result == {"found": ["MS-13 associate"], "loaded": []}


def test_spacys_command_line_is_the_real_one_when_asked_for():
    result = _run(
        """
        import json
        from annotator.nlp.spacy_import import import_spacy
        spacy = import_spacy()
        no_attribute = not hasattr(spacy, "cli")
        info = spacy.info()  # loads spaCy's own `info`
        import spacy.cli
        print(json.dumps({
            "no_attribute": no_attribute,
            "version": info["spacy_version"] == spacy.__version__,
            "download": callable(spacy.cli.download),
            "same": import_spacy() is spacy,
        }))
        """
    )
    assert result == {"no_attribute": True, "version": True, "download": True, "same": True}


def test_a_spacy_that_needs_more_of_its_command_line_is_imported_as_it_is(tmp_path):
    """A stand-in spaCy whose package imports a second command-line module, as a later release
    might: the stand-in `info` is not enough, so the real `spacy.cli` is imported."""
    package = tmp_path / "spacy"
    (package / "cli").mkdir(parents=True)
    (package / "__init__.py").write_text(
        "from .cli.info import info\nfrom .cli.download import download\n", encoding="utf-8"
    )
    (package / "cli" / "__init__.py").write_text("LOADED = True\n", encoding="utf-8")
    (package / "cli" / "info.py").write_text("def info():\n    return 'real'\n", encoding="utf-8")
    (package / "cli" / "download.py").write_text("def download(): pass\n", encoding="utf-8")
    result = _run(
        """
        import json, sys
        from annotator.nlp.spacy_import import import_spacy
        spacy = import_spacy()
        print(json.dumps({"info": spacy.info(), "cli": sys.modules["spacy.cli"].LOADED}))
        """,
        path=tmp_path,
    )
    assert result == {"info": "real", "cli": True}

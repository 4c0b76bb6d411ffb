"""spaCy, lean: replaces the community hook, which collects every submodule and data file.

spaCy's compiled modules import each other at run time, out of PyInstaller's sight, so its
submodules are all collected, but not its command line, its tests, nor the 70-odd languages
the pipeline never builds: only English and Spanish, which spaCy imports by name
(spacy.util.get_lang_class), and the languages that `import spacy` itself imports (found by
analysis).
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

_LANGUAGES = ("en", "es")


def _wanted(name: str) -> bool:
    parts = name.split(".")
    if len(parts) > 1 and parts[1] in ("cli", "tests"):
        return False
    if len(parts) > 2 and parts[1] == "lang" and len(parts[2]) <= 3:
        return parts[2] in _LANGUAGES  # a language code; char_classes and the like are shared
    return True


hiddenimports = collect_submodules("spacy", filter=_wanted)
# default_config.cfg and the like, which load_model_from_config reads; no tests, no templates.
datas = collect_data_files("spacy", excludes=["**/tests/**", "cli/**", "**/*.pyi", "**/*.pxd"])

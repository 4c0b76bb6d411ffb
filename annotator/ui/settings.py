"""The user's own settings (reviewer name, recent cases), kept with platformdirs. Qt-free."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

from annotator.core.paths import APP_NAME

RECENT_LIMIT = 8
log = logging.getLogger(__name__)


def config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "settings.json"


def log_path() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME)) / "annotator.log"


def default_case_dir() -> Path:
    return Path(platformdirs.user_documents_dir()) / "Case-File Annotator"


@dataclass(slots=True)
class Settings:
    reviewer: str = ""
    recent: list[str] = field(default_factory=list)

    @classmethod
    def load(cls) -> Settings:
        try:
            data = json.loads(config_path().read_text(encoding="utf-8"))
            return cls(reviewer=str(data.get("reviewer", "")), recent=list(data.get("recent", [])))
        except (OSError, ValueError, AttributeError):
            return cls()

    def save(self) -> None:
        path = config_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
            tmp.replace(path)
        except OSError as err:  # settings are a convenience; never fail the app over them
            log.warning("cannot save settings to %s: %s", path, err)

    def add_recent(self, case_path: str | Path) -> None:
        path = str(Path(case_path).resolve())
        self.recent = [path, *(p for p in self.recent if p != path)][:RECENT_LIMIT]
        self.save()


def unique_case_path(folder: Path, stem: str) -> Path:
    """`folder/stem.case`, numbered if that exists."""
    folder.mkdir(parents=True, exist_ok=True)
    candidate = folder / f"{stem}.case"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem} {n}.case"
        n += 1
    return candidate

"""QtGui without the plugins the window does not use, dropped before PyInstaller follows their
libraries (the GTK theme plugin alone brings GTK, Pango and Cairo along).

Kept: the platforms offscreen and minimal everywhere, xcb on Linux (X11, and XWayland on
Wayland desktops), windows and cocoa; xcb's GL integrations; the compose and ibus input methods,
which type accented letters on Linux. Image format and icon plugins are not needed: pages
reach Qt as raw pixels from PyMuPDF, and the app has no image files of its own.
"""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

_KEEP = {
    "platforms": ("offscreen", "minimal", "xcb", "windows", "cocoa", "darwin"),
    "accessiblebridge": ("",),
    "xcbglintegrations": ("",),
    "platforminputcontexts": ("compose", "ibus"),
    "styles": ("",),
}

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)


def _wanted(source: str, dest: str) -> bool:
    parts = dest.replace("\\", "/").split("/")
    if "plugins" not in parts:
        return True
    kind = parts[parts.index("plugins") + 1] if parts[-1] != "plugins" else ""
    name = source.replace("\\", "/").rsplit("/", 1)[-1].lower()
    return any(word in name for word in _KEEP.get(kind, ()))


binaries = [(src, dest) for src, dest in binaries if _wanted(src, dest)]

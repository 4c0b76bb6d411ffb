"""thinc without its tests: replaces the community hook, which collects thinc.tests as well.

thinc's compiled modules import each other at run time, out of PyInstaller's sight, so the rest
of its submodules are collected."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

hiddenimports = collect_submodules("thinc", filter=lambda name: ".tests" not in name)
datas = collect_data_files("thinc", excludes=["tests/**", "**/*.pyi", "**/*.pxd"])

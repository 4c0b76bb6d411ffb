"""The desktop face of the app: the only package that imports PySide6."""

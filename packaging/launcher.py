"""The bundled app's entry point: `annotator` as PyInstaller freezes it.

freeze_support() comes first: the OCR and detection workers are spawned processes, and in a
frozen app each one is this same executable started again with multiprocessing's arguments.
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from annotator.cli import program

    program()

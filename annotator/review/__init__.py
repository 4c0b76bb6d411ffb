"""Every change a reviewer makes to a case, as an operation with its inverse, and its history.

Qt-free, below the two faces: the window and the command line run the same operations, and undo
and redo work from either, across a restart, because the history is kept in the case file.
"""

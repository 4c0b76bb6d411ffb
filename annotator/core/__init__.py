"""Plain data types, errors, progress and paths. Imports nothing else of ours."""

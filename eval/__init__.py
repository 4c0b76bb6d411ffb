"""Detection measured on a committed corpus of fictional texts: the eval kit's scorer, vendored."""

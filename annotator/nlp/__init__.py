"""spaCy detection of gang labels, Red Notices, SAFE and fusion-center references."""

"""`python -m tools.samples [OUTDIR] [--no-scanned] [--show-splits]`: see the package docstring."""

import sys

from .build import main

sys.exit(main())

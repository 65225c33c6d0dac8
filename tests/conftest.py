"""Makes the tests' helper modules (claim_factory, review_fixtures) importable."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

"""Makes the tests' helper modules (claim_factory, review_fixtures) importable, and keeps the
compiled-pattern cache of the run in a folder of its own (never the user's)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
# set before any test runs (subprocesses inherit it); factcheck reads it at each compile
os.environ["FACTCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="factcheck-test-cache-")

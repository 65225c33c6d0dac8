"""Makes the tests' helper modules (claim_factory, review_fixtures) importable, keeps the
compiled-pattern cache of the run in a folder of its own (never the user's), and turns off
hypothesis's per-example deadline: a first call compiles patterns lazily, and the machines
these tests run on are shared, so a wall-clock limit only makes tests flaky."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from hypothesis import settings

sys.path.insert(0, str(Path(__file__).parent))
settings.register_profile("factcheck", deadline=None)
settings.load_profile("factcheck")
# set before any test runs (subprocesses inherit it); factcheck reads it at each compile
os.environ["FACTCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="factcheck-test-cache-")

"""The one folder where factcheck keeps what it derives once and reuses between runs.

`$FACTCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/factcheck`, else `~/.cache/factcheck`; an
empty `FACTCHECK_CACHE_DIR` keeps nothing on disk (every run derives afresh: slower, same
results).
"""

from __future__ import annotations

import os


def cache_folder() -> str | None:
    """The cache folder, or None when the user asked for no cache on disk."""
    folder = os.environ.get("FACTCHECK_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "factcheck")
    return folder or None

"""Any file handed to `review import` is imported or refused with exit 2 and a message:
never a traceback, never a partial import."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.review.store import DecisionStore, store_path

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=20,
)
DECISION_FIELDS = st.fixed_dictionaries(
    {
        "fingerprint": st.text(max_size=140),
        "status": st.sampled_from(["confirmed", "dismissed", "follow_up", "maybe", ""]),
        "note": st.text(max_size=40),
        "reviewer": st.text(max_size=30),
        "decided_at": st.sampled_from(
            ["2025-01-02T03:04:05+00:00", "2025-01-02", "9999-12-31T00:00:00+00:00", "x", ""]
        ),
    }
)
DOCUMENTS = (
    st.text(max_size=200)
    | JSON.map(json.dumps)
    | st.lists(DECISION_FIELDS, max_size=3).map(json.dumps)
    | st.lists(DECISION_FIELDS, max_size=3).map(lambda d: json.dumps({"decisions": d}))
)


@settings(max_examples=120)
@given(DOCUMENTS)
def test_any_import_file_is_imported_or_refused(document: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "c"
        corpus.mkdir()
        (corpus / "a.txt").write_text("Vega Mining raised $3 million in 2024.\n", "utf-8")
        DecisionStore.for_sources(corpus).record("fp", "confirmed", "Ana", "kept")
        before = DecisionStore.for_sources(corpus).history()
        incoming = Path(folder) / "in.json"
        incoming.write_text(document, encoding="utf-8")
        code = main(["review", "import", str(corpus), str(incoming)])
        assert code in (0, 2)
        after = DecisionStore(store_path(corpus)).history()
        assert after[: len(before)] == before, "nothing already stored is lost or changed"
        if code == 2:
            assert after == before, "a refused import adds nothing"

"""A fuzz target of the source reader and the pipeline, bounded by a number of examples so
that it runs in the normal test run (set FACTCHECK_FUZZ_EXAMPLES to run it longer).

Hypothesis mutates small seed documents at the byte level — bytes inserted, deleted or
replaced, byte-order marks, other encodings, front-matter fences, NULs, truncation — and
feeds them to `read_file` alone and to the whole pipeline, as a source and as a
`sources.toml`. The reader either gives text or refuses with a `SourceError`; the pipeline
always gives a report in which the file is a source or a skipped one.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import SourceError
from factcheck.pipeline import check
from factcheck.reference import load_reference
from factcheck.sources import read_file

REFERENCE = load_reference()
FUZZ = settings(
    max_examples=int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
SEEDS = [
    "Acme Corp raised $5 million on 30 March 2024, up from $4 million a month earlier.\n",
    '+++\noutlet = "The Ledger"\npublished = 2024-05-01T09:00:00Z\n+++\nNimbus Ltd paid €7.2bn.\n',
    "Published: 3 March 2021\nOrion Group said sales rose 12% from a year earlier.\n",
    '[a]\noutlet = "Daily Planet"\npublished = 2023-05-04\n[b]\ntitle = "x"\n',
]
MARKS = [
    b"",
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
]
SPECIAL = st.sampled_from(
    [b"\x00", b"+++\n", b"\r\n", b"\x1b[2J", b"\xff", b"[", b"5% ", b"\xe2\x88"]
)


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    """A seed document, encoded one way or another, then mutated a few times."""
    seed = draw(st.sampled_from(SEEDS))
    codec = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "latin-1"]))
    data = bytearray(seed.encode(codec, errors="replace"))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(data)))
        match draw(st.sampled_from(["insert", "delete", "replace", "mark", "truncate"])):
            case "insert":
                data[at:at] = draw(st.one_of(SPECIAL, st.binary(min_size=1, max_size=4)))
            case "delete":
                del data[at : at + draw(st.integers(1, 8))]
            case "replace" if at < len(data):
                data[at] = draw(st.integers(0, 255))
            case "mark":
                data[0:0] = draw(st.sampled_from(MARKS))
            case "truncate":
                del data[at:]
    return bytes(data)


@FUZZ
@given(documents())
def test_the_reader_gives_text_or_a_reason(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.txt"
        path.write_bytes(data)
        try:
            front, text = read_file(path)
        except SourceError as exc:
            assert exc.reason and "\n" not in exc.reason
            return
    assert text.strip() and "\x00" not in text and isinstance(front, dict)
    if not data.startswith(tuple(m for m in MARKS if m)):
        assert len(text) == len(data.decode("utf-8"))  # offsets are the file's own


@FUZZ
@given(documents(), st.one_of(st.none(), documents()))
def test_the_pipeline_reports_every_mutated_file(data: bytes, metadata: bytes | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "a.txt").write_bytes(data)
        (root / "b.txt").write_text("Acme Corp raised $5 million in 2023.", encoding="utf-8")
        if metadata is not None:
            (root / "sources.toml").write_bytes(metadata)
        report = check([root], reference=REFERENCE)
        named = [s.path for s in report.sources] + [
            s.path for s in report.skipped if not s.path.endswith("sources.toml")
        ]
        assert sorted(named) == [str(root / "a.txt"), str(root / "b.txt")]
        assert all(s.reason and "\n" not in s.reason for s in report.skipped)

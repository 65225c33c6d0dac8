"""Loading sources: files and folders in, `Source` models (or the reason each was skipped) out.

A folder is a corpus: its `.txt` and `.md` files, in name order, with metadata from a
`sources.toml` beside them. A file may also carry TOML front matter between `+++` lines.
The front matter is blanked (replaced by spaces of the same length) rather than cut, so
that every offset in a report points into the file exactly as it is on disk.

One unreadable file never stops the others: it becomes a `SkippedSource` with a one-line
reason, and the report lists it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from factcheck.errors import SourceError
from factcheck.extract.published import detect_published
from factcheck.models import Period, SkippedSource, Source

SOURCE_SUFFIXES = (".txt", ".md")
METADATA_FILE = "sources.toml"
MAX_BYTES = 20 * 1024 * 1024  # a news corpus file beyond this is almost surely not prose

_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\r?\n(?P<body>.*?)^\+\+\+[ \t]*$", re.S | re.M)
_METADATA_KEYS = frozenset({"outlet", "url", "title", "published"})


@dataclass(frozen=True)
class Loaded:
    """The outcome of loading: sources that could be read, and paths that could not."""

    sources: tuple[Source, ...]
    skipped: tuple[SkippedSource, ...]


def load_sources(
    paths: Iterable[str | Path], published: Mapping[str, date] | None = None
) -> Loaded:
    """Read every file and folder in `paths`.

    `published` maps a source id (file stem) to its publication date and overrides every
    other basis (it is what `--published SOURCE=DATE` gives).
    """
    overrides = dict(published or {})
    sources: list[Source] = []
    skipped: list[SkippedSource] = []
    seen: set[str] = set()
    for path, metadata in _expand(paths, skipped):
        try:
            source = _load_one(path, metadata, overrides.get(path.stem))
        except SourceError as exc:
            skipped.append(SkippedSource(path=str(path), reason=exc.reason))
            continue
        if source.id in seen:
            skipped.append(
                SkippedSource(path=str(path), reason=f"duplicate source id {source.id!r}")
            )
            continue
        seen.add(source.id)
        sources.append(source)
    return Loaded(sources=tuple(sources), skipped=tuple(skipped))


def source_from_text(
    id: str, text: str, *, published: date | None = None, **metadata: Any
) -> Source:
    """A source made in memory (library use, tests, a draft piped in)."""
    return _make_source(
        id, None, text, {**metadata, **({"published": published} if published else {})}
    )


def _expand(
    paths: Iterable[str | Path], skipped: list[SkippedSource]
) -> list[tuple[Path, Mapping[str, Any]]]:
    """Files to read, each with the metadata its folder's `sources.toml` gives it."""
    out: list[tuple[Path, Mapping[str, Any]]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                table = _read_metadata(path / METADATA_FILE)
            except SourceError as exc:
                skipped.append(SkippedSource(path=str(path / METADATA_FILE), reason=exc.reason))
                table = {}
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in SOURCE_SUFFIXES)
            if not files:
                skipped.append(
                    SkippedSource(path=str(path), reason="folder has no .txt or .md files")
                )
            out.extend((f, table.get(f.stem, {})) for f in files)
        elif path.exists():
            try:
                table = _read_metadata(path.parent / METADATA_FILE)
            except SourceError:
                table = {}
            out.append((path, table.get(path.stem, {})))
        else:
            skipped.append(SkippedSource(path=str(path), reason="no such file or folder"))
    return out


def _read_metadata(path: Path) -> dict[str, dict[str, Any]]:
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SourceError(str(path), f"unreadable metadata: {exc}") from exc
    return {k: v for k, v in data.items() if isinstance(v, dict)}


def _load_one(path: Path, metadata: Mapping[str, Any], published: date | None) -> Source:
    text = _read_text(path)
    front, text = _split_front_matter(path, text)
    merged = {**metadata, **front}
    if published is not None:
        merged["published"] = published
        merged["_basis"] = "command line (--published)"
    return _make_source(path.stem, str(path), text, merged)


def _make_source(id: str, path: str | None, text: str, metadata: Mapping[str, Any]) -> Source:
    unknown = set(metadata) - _METADATA_KEYS - {"_basis"}
    if unknown:
        raise SourceError(path or id, f"unknown metadata field(s): {', '.join(sorted(unknown))}")
    period, basis = _published(path or id, metadata, text)
    return Source(
        id=id,
        path=path,
        outlet=_opt_str(metadata.get("outlet")),
        url=_opt_str(metadata.get("url")),
        title=_opt_str(metadata.get("title")),
        published=period,
        published_basis=basis,
        text=text,
    )


def _published(
    where: str, metadata: Mapping[str, Any], text: str
) -> tuple[Period | None, str | None]:
    """The publication date, from metadata first, then from the text; unknown stays None."""
    value = metadata.get("published")
    if isinstance(value, date):
        return Period.day(value), str(metadata.get("_basis", "metadata"))
    if isinstance(value, str):
        try:
            return Period.day(date.fromisoformat(value)), "metadata"
        except ValueError as exc:
            raise SourceError(where, f"published is not a YYYY-MM-DD date: {value!r}") from exc
    if value is not None:
        raise SourceError(where, f"published is not a date: {value!r}")
    found = detect_published(text)
    if found is None:
        return None, None
    return found[0], f"text: {found[1]}"


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _read_text(path: Path) -> str:
    """Decode a file as UTF-8 (or UTF-16 with a byte-order mark); refuse anything else."""
    if not path.is_file():
        raise SourceError(str(path), "not a regular file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(str(path), f"too large ({size} bytes; the limit is {MAX_BYTES})")
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(str(path), "invalid UTF-16 text") from exc
    if b"\x00" in raw:
        raise SourceError(str(path), "binary file (contains NUL bytes), not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(
            str(path),
            f"not UTF-8 text (invalid byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8",
        ) from exc
    if not text.strip():
        raise SourceError(str(path), "empty file")
    return text


def _split_front_matter(path: Path, text: str) -> tuple[dict[str, Any], str]:
    """TOML front matter as a dict, and the text with that block blanked (offsets kept)."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    try:
        front = tomllib.loads(match.group("body"))
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(str(path), f"invalid TOML front matter: {exc}") from exc
    blank = re.sub(r"[^\n]", " ", match.group(0))
    body = blank + text[match.end() :]
    if not body.strip():
        raise SourceError(str(path), "empty file (front matter only)")
    return front, body

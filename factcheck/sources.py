"""Loading sources: files and folders in, `Source` models (or the reason each was skipped) out.

A folder is a corpus: its `.txt` and `.md` files, in name order, with metadata from a
`sources.toml` beside them. A file may also carry TOML front matter between `+++` lines.
The front matter is blanked (replaced by spaces of the same length) rather than cut, so
that every offset in a report points into the file exactly as it is on disk.

One unreadable file never stops the others: it becomes a `SkippedSource` with a one-line
reason, and the report lists it. Every command reads a file through `read_file`, so
`factcheck extract FILE` and `factcheck report` see the same characters at the same offsets.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from factcheck.errors import SourceError, failure_reason
from factcheck.extract.published import detect_published
from factcheck.models import Period, SkippedSource, Source

SOURCE_SUFFIXES = (".txt", ".md")
METADATA_FILE = "sources.toml"
MAX_BYTES = 20 * 1024 * 1024  # a news corpus file (or its sources.toml) beyond this is not prose

# UTF-32's little-endian mark begins with UTF-16's, so it is tried first.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)

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
        except Exception as exc:  # the source's boundary: whatever it is, skip this one only
            skipped.append(SkippedSource(path=str(path), reason=failure_reason(exc)))
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
    """Files to read, each with the metadata its folder's `sources.toml` gives it; a folder
    that cannot be listed, or a `sources.toml` that cannot be read, is one skipped entry."""
    out: list[tuple[Path, Mapping[str, Any]]] = []
    tables: dict[Path, dict[str, dict[str, Any]]] = {}

    def metadata_of(folder: Path) -> dict[str, dict[str, Any]]:
        if folder not in tables:
            try:
                tables[folder] = _read_metadata(folder / METADATA_FILE)
            except SourceError as exc:
                skipped.append(
                    SkippedSource(path=_shown(folder / METADATA_FILE), reason=exc.reason)
                )
                tables[folder] = {}
        return tables[folder]

    def add(file: Path, table: Mapping[str, Any]) -> None:
        if _undecodable(str(file)):  # no report, JSON or terminal could show its name
            reason = "file name is not valid UTF-8: rename it"
            skipped.append(
                SkippedSource(path=os.fsencode(file).decode(errors="replace"), reason=reason)
            )
        else:
            out.append((file, table.get(file.stem, {})))

    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                files = sorted(p for p in path.iterdir() if p.suffix.lower() in SOURCE_SUFFIXES)
                table = metadata_of(path)
                if not files:
                    skipped.append(
                        SkippedSource(path=_shown(path), reason="folder has no .txt or .md files")
                    )
                for file in files:
                    add(file, table)
            elif path.exists():
                add(path, metadata_of(path.parent))
            else:
                skipped.append(SkippedSource(path=_shown(path), reason="no such file or folder"))
        except OSError as exc:
            skipped.append(
                SkippedSource(path=_shown(path), reason=f"cannot list: {_os_reason(exc)}")
            )
    return out


def _undecodable(name: str) -> bool:
    """Whether a file name holds bytes that are not UTF-8 (surrogate escapes in `str`)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _shown(path: Path) -> str:
    """A path as a report can show it: bytes that are not UTF-8 become U+FFFD."""
    return os.fsencode(path).decode("utf-8", errors="replace")


def _read_metadata(path: Path) -> dict[str, dict[str, Any]]:
    """The tables of a folder's `sources.toml` (none when there is no such file)."""
    if not os.path.lexists(path):
        return {}
    data = _parse_toml(str(path), _decode(str(path), _read_bytes(path)), "metadata")
    return {k: v for k, v in data.items() if isinstance(v, dict)}


def _parse_toml(where: str, text: str, what: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(where, f"invalid TOML {what}: {exc}") from exc
    except RecursionError as exc:
        raise SourceError(where, f"invalid TOML {what}: nested too deeply") from exc


def _load_one(path: Path, metadata: Mapping[str, Any], published: date | None) -> Source:
    front, text = read_file(path)
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
    if isinstance(value, datetime):  # TOML's 2024-05-01T09:00:00Z: the day as written
        return Period.day(value.date()), "metadata (the date of a TOML date-time)"
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


def read_file(path: Path) -> tuple[dict[str, Any], str]:
    """A source file's front matter, and its text with the front matter blanked.

    The text is UTF-8, or UTF-16 or UTF-32 with a byte-order mark (the mark is not part of
    the text); anything else, or nothing but white space, is refused with a `SourceError`.
    """
    text = _decode(str(path), _read_bytes(path))
    if not text.strip():
        raise SourceError(str(path), "empty file")
    return _split_front_matter(path, text)


def _read_bytes(path: Path) -> bytes:
    """A regular file's bytes, at most `MAX_BYTES` of them.

    Opened without blocking and checked on the open descriptor, so a FIFO, a device such
    as /dev/zero or a folder is refused before anything is read, and a file that grows
    while it is read is never read past the limit.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise SourceError(str(path), f"cannot read: {_os_reason(exc)}") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(str(path), "not a regular file")
        if info.st_size > MAX_BYTES:
            raise SourceError(str(path), _too_large(info.st_size))
        with os.fdopen(os.dup(fd), "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SourceError(str(path), f"cannot read: {_os_reason(exc)}") from exc
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:
        raise SourceError(str(path), _too_large(len(raw)))
    return raw


def _too_large(size: int) -> str:
    return f"too large ({size} bytes; the limit is {MAX_BYTES})"


def _os_reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _decode(where: str, raw: bytes) -> str:
    """Text from bytes: by its byte-order mark, else UTF-8; no NUL survives either way."""
    for mark, codec, name in _BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise SourceError(where, f"invalid {name} text") from exc
            break
    else:
        if b"\x00" in raw:
            raise SourceError(where, "binary file (contains NUL bytes), not text")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SourceError(
                where,
                f"not UTF-8 text (invalid byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
                "convert it to UTF-8",
            ) from exc
    if "\x00" in text:
        raise SourceError(where, "binary file (contains NUL characters), not text")
    return text


def _split_front_matter(path: Path, text: str) -> tuple[dict[str, Any], str]:
    """TOML front matter as a dict, and the text with that block blanked (offsets kept)."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    front = _parse_toml(str(path), match.group("body"), "front matter")
    blank = re.sub(r"[^\n]", " ", match.group(0))
    body = blank + text[match.end() :]
    if not body.strip():
        raise SourceError(str(path), "empty file (front matter only)")
    return front, body

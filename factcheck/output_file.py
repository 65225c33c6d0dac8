"""The file behind `--output`: written so that nothing the user wrote is lost.

A report written over a source, the metadata or the decision store would destroy work that
exists nowhere else; a pipe or terminal replaced by a regular file breaks the user's shell
plumbing; a half-written temporary file left behind is litter that the next run may read.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Sequence
from pathlib import Path

from factcheck.errors import UsageError
from factcheck.review.store import STORE_DIR
from factcheck.sources import METADATA_FILE, SOURCE_SUFFIXES


def write_file(
    text: str, output: str, sources: Sequence[str] = (), keep: Sequence[str | Path] = ()
) -> None:
    """Write `text` to the file `output`, unless `output_refusal` says why not.

    A regular file is replaced atomically (a temporary file beside it, renamed over it) and
    gets the umask's mode, or keeps the mode it had. A device, a FIFO or a path through /dev
    or /proc (`/dev/stdout`) is written in place: replacing it would put a regular file where
    the user's pipe or terminal was. A failure is a `UsageError` naming the file.
    """
    target = Path(output)
    try:
        refusal = output_refusal(target, sources, keep)
    except (OSError, RuntimeError) as exc:  # Path.resolve on a symlink loop (RuntimeError < 3.13)
        raise UsageError(f"--output {output}: {exc}") from exc
    if refusal:
        raise UsageError(f"--output {output}: {refusal}")
    try:
        if _written_in_place(target):  # appended, never created: /dev gets no regular file
            fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CLOEXEC)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        else:
            _replace(target.resolve() if target.is_symlink() else target, text)
    except OSError as exc:
        raise UsageError(f"--output {output}: {exc.strerror or exc}") from exc


def output_refusal(target: Path, sources: Sequence[str], keep: Sequence[str | Path]) -> str | None:
    """Why `target` must not be written, or None.

    Refused: a folder; anything under `.factcheck/` (the decision store); a `sources.toml`;
    a file in a folder given as a source, or a source file, or a `.txt`/`.md` beside a source
    file (the next run of that folder would read it); any file in `keep` (the --db store and
    its SQLite companions, reference files, the draft). Paths compare after symlinks resolve.
    """
    real = target.resolve()
    if target.is_dir():
        return "is a folder"
    if STORE_DIR in target.absolute().parts or STORE_DIR in real.parts:
        return f"is inside a {STORE_DIR} folder, where review decisions are kept"
    if METADATA_FILE in (target.name.lower(), real.name.lower()):
        return f"a {METADATA_FILE} holds source metadata"
    for kept in keep:
        if str(kept) != "-" and _same_file(real, Path(kept)):
            return f"would overwrite {kept}, an input of this command"
    for given in sources:
        source = Path(given)
        if given == "-" or not source.exists():
            continue
        folder = source.resolve()
        if source.is_dir():
            if real.parent == folder:
                return f"would write into the source folder {given}"
        elif _same_file(real, source):
            return f"would overwrite the source {given}"
        elif real.parent == folder.parent and real.suffix.lower() in SOURCE_SUFFIXES:
            return f"would overwrite or add a source beside {given}"
    return None


def _same_file(real: Path, other: Path) -> bool:
    """True when the resolved `real` is `other` (by path, or as the same inode: a hard link)."""
    if real == other.resolve():
        return True
    try:
        return os.path.samefile(real, other)
    except OSError:
        return False


_SPECIAL_ROOTS = ("/dev/", "/proc/")


def _written_in_place(target: Path) -> bool:
    """A device, FIFO or socket, or a name reached through /dev or /proc (never replaced)."""
    try:
        if not stat.S_ISREG(target.stat().st_mode):
            return True
    except FileNotFoundError:
        pass
    path = os.path.abspath(target)
    for _ in range(40):  # the kernel's own limit on symlink hops
        if path.startswith(_SPECIAL_ROOTS):
            return True
        if not os.path.islink(path):
            return False
        path = os.path.normpath(os.path.join(os.path.dirname(path), os.readlink(path)))
    return False


def _replace(target: Path, text: str) -> None:
    """Write `text` to a new file beside `target`, then rename it over `target`.

    The temporary file is created with mode 0666, so the umask applies as for any new file;
    an existing target's mode is copied to it. It is removed on any error.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        kept_mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        kept_mode = None
    tmp = target.parent / f".{target.name}.{secrets.token_hex(8)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            if kept_mode is not None:
                os.fchmod(handle.fileno(), kept_mode)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise

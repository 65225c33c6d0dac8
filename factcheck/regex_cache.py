"""Compiled regular expressions, remembered from one run to the next.

Compiling the extractors' patterns (a few hundred verbose ones; CPython compiles them in pure
Python, in every process) is most of the start-up of `factcheck extract`. As Python keeps
compiled bytecode in .pyc files, this module keeps each pattern's compiled program in a cache
file, one per factcheck version and interpreter, and rebuilds the pattern from it with the
interpreter's own constructor. The program is exactly what `re.compile` makes (the cached
pattern compares equal to it); anything unexpected (another interpreter, a damaged or
unreadable file, a folder that cannot be written) falls back to `re.compile`. A cache can
make a run faster; it never changes what a run finds.

The folder is `$FACTCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/factcheck`, else
`~/.cache/factcheck`; set `FACTCHECK_CACHE_DIR` to an empty string to keep no cache.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
from array import array
from typing import Any

from factcheck import __version__

__all__ = ["cache_path", "compile_pattern"]

try:  # CPython's regex internals: the parser, the code generator and the constructor
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # another interpreter: plain re.compile
    _sre = None

# (pattern, flags) → (flags, code as 32-bit words, groups, group index, index group)
Program = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_programs: dict[tuple[str, int], Program] | None = None
_added = False


def cache_path() -> str | None:
    """The cache file of this factcheck version and interpreter, or None for no cache."""
    folder = os.environ.get("FACTCHECK_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "factcheck")
    if not folder or _sre is None:
        return None
    tag = f"{__version__}-{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"
    return os.path.join(folder, f"regex-{tag}.marshal")


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the cache when the program is there."""
    flags = int(flags)
    program = _load().get((pattern, flags))
    if program is not None:
        try:
            return _construct(pattern, program)
        except (TypeError, ValueError, RuntimeError):  # a program this interpreter refuses
            pass
    try:
        program = _program(pattern, flags)
        compiled = _construct(pattern, program)
    except Exception:
        return re.compile(pattern, flags)
    _remember((pattern, flags), program)
    return compiled


def _program(pattern: str, flags: int) -> Program:
    """What `re._compiler.compile` hands to the constructor, in a form marshal can keep."""
    tree = _parser.parse(pattern, flags)
    code = array("I", [int(op) for op in _compiler._code(tree, flags)])
    index_group: list[str | None] = [None] * tree.state.groups
    for name, index in tree.state.groupdict.items():
        index_group[index] = name
    return (
        int(flags | tree.state.flags),
        code.tobytes(),
        tree.state.groups - 1,
        dict(tree.state.groupdict),
        tuple(index_group),
    )


def _construct(pattern: str, program: Program) -> re.Pattern[str]:
    final_flags, code, groups, group_index, index_group = program
    words = array("I")
    words.frombytes(code)
    compiled: re.Pattern[str] = _sre.compile(
        pattern, final_flags, words.tolist(), groups, group_index, index_group
    )
    return compiled


def _load() -> dict[tuple[str, int], Program]:
    global _programs
    if _programs is None:
        _programs = {}
        path = cache_path()
        if path is not None:
            try:
                with open(path, "rb") as handle:
                    loaded: Any = marshal.load(handle)
                if isinstance(loaded, dict):
                    _programs = loaded
            except (OSError, EOFError, ValueError, TypeError):
                pass  # no cache yet, or a damaged one: it is written anew at exit
    return _programs


def _remember(key: tuple[str, int], program: Program) -> None:
    global _added
    _load()[key] = program
    if not _added:
        _added = True
        atexit.register(_save)


def _save() -> None:
    """Write the cache atomically; a folder that cannot be written leaves no cache."""
    path = cache_path()
    if path is None or _programs is None:
        return
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            marshal.dump(_programs, handle)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.remove(temporary)

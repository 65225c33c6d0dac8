"""Compiled regular expressions, remembered from one run to the next: opt-in.

Compiling the extractors' patterns (a few hundred verbose ones; CPython compiles them in pure
Python, in every process) is a large part of the start-up of `factcheck extract`. As Python
keeps compiled bytecode in .pyc files, this module can keep each pattern's compiled program in
a cache file and rebuild the pattern from it with the interpreter's own constructor. It relies
on CPython internals (`re._parser`, `re._compiler`, `_sre.compile`), so it is off unless
`FACTCHECK_REGEX_CACHE=1`; measured, it saves about a tenth of a second per process
(benchmarks/startup.md). Off, `compile_pattern` is `re.compile`.

On, the file is one per factcheck version and exact interpreter build (`sys.version`, the
regex engine's magic number and code size), holds at most `MAX_PROGRAMS` patterns, and lives
in the cache folder of `factcheck.cache_folder`. The program is exactly what `re.compile`
makes (the cached pattern compares equal to it); anything unexpected (another interpreter, a
damaged or unreadable file, a folder that cannot be written) falls back to `re.compile`. A
cache can make a run faster; it never changes what a run finds.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import marshal
import os
import re
import sys
from array import array
from typing import Any

from factcheck import __version__
from factcheck.cache_folder import cache_folder

__all__ = ["MAX_PROGRAMS", "SWITCH", "cache_path", "clear", "compile_pattern"]

SWITCH = "FACTCHECK_REGEX_CACHE"  # "1" turns the cache on
MAX_PROGRAMS = 2048  # the extractors compile about 720; user references add one scanner each

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
    folder = cache_folder()
    if os.environ.get(SWITCH) != "1" or folder is None or _sre is None:
        return None
    build = hashlib.sha256(sys.version.encode()).hexdigest()[:12]
    tag = f"{__version__}-{sys.implementation.cache_tag}-{build}-{_sre.MAGIC}-{_sre.CODESIZE}"
    return os.path.join(folder, f"regex-{tag}.marshal")


def clear() -> None:
    """Forget the programs read or made so far (the next pattern reads the file again)."""
    global _programs
    _programs = None


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the cache when it is on and the program is there."""
    flags = int(flags)
    if cache_path() is None:
        return re.compile(pattern, flags)
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
                if isinstance(loaded, dict) and len(loaded) <= MAX_PROGRAMS:
                    _programs = loaded
            except (OSError, EOFError, ValueError, TypeError):
                pass  # no cache yet, or a damaged one: it is written anew at exit
    return _programs


def _remember(key: tuple[str, int], program: Program) -> None:
    global _added
    programs = _load()
    if len(programs) >= MAX_PROGRAMS:
        return  # full: later patterns are compiled each run, as without a cache
    programs[key] = program
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

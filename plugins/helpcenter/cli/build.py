"""``helpcenter build``: a strict build that replaces the site only when it succeeded, one at a time.

The build runs ``mkdocs build --strict`` into a fresh folder next to the site folder while
holding an exclusive lock (``fcntl.flock`` on ``.<site>.lock`` next to it), then swaps the new
folder in (an atomic exchange where the system has one). A second build waits for the lock
(saying so) or, with ``--no-wait``, stops with a message. The site folder is always a
complete build: the last good one until the next good one is in place.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

LOCK_SUFFIX = ".lock"
NEW_PREFIX = ".{name}-new-"
OLD_PREFIX = ".{name}-old-"


class BuildError(Exception):
    """The build cannot run; the message says why."""


def lock_path(site: Path) -> Path:
    return site.parent / f".{site.name}{LOCK_SUFFIX}"


@contextlib.contextmanager
def exclusive(site: Path, wait: bool = True, say: IO[str] = sys.stderr) -> Iterator[None]:
    """Hold the site's build lock for the block (released by the system if the process dies)."""
    path = lock_path(site)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise BuildError(
                    f"{site}: another build is running (it holds {path}); try again when it ends"
                ) from None
            print(f"helpcenter build: another build of {site} is running; waiting for it to end…", file=say, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``); False if unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if result == 0:
        return True
    if ctypes.get_errno() in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(a))


def swap_in(new: Path, site: Path) -> None:
    """Put the finished build ``new`` at ``site``; the previous site is removed afterwards."""
    if not site.exists():
        new.rename(site)
        return
    if _exchange(new, site):
        shutil.rmtree(new)  # now holds the previous site
        return
    old = Path(tempfile.mkdtemp(prefix=OLD_PREFIX.format(name=site.name), dir=site.parent))
    old.rmdir()
    site.rename(old)
    new.rename(site)
    shutil.rmtree(old)


def _remove_leftovers(site: Path) -> None:
    """Folders a killed build left behind (only called while holding the lock)."""
    for prefix in (NEW_PREFIX, OLD_PREFIX):
        for stale in site.parent.glob(prefix.format(name=site.name) + "*"):
            shutil.rmtree(stale, ignore_errors=True)


def build(config_file: Path, site: Path, wait: bool = True) -> int:
    """Build strictly into a fresh folder and swap it in on success; MkDocs's exit code."""
    if not config_file.is_file():
        raise BuildError(f"{config_file}: no such file (run from the project folder or pass -f)")
    site = site.absolute()
    with exclusive(site, wait):
        _remove_leftovers(site)
        new = Path(tempfile.mkdtemp(prefix=NEW_PREFIX.format(name=site.name), dir=site.parent))
        try:
            command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file)]
            result = subprocess.run([*command, "--site-dir", str(new)], check=False)
            if result.returncode != 0:
                print(f"helpcenter build: the build failed; {site} is left as it was", file=sys.stderr)
                return result.returncode
            new.chmod(0o755)  # mkdtemp makes it private; a site is served
            swap_in(new, site)
        finally:
            shutil.rmtree(new, ignore_errors=True)
    print(f"helpcenter build: {site} is the new build")
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    try:
        return build(Path(args.config_file), Path(args.site_dir), wait=not args.no_wait)
    except BuildError as error:
        print(f"helpcenter build: {error}", file=sys.stderr)
        return 1


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "build", help="strict build into a fresh folder, swapped in only on success; one build at a time"
    )
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("--site-dir", default="site", help="the published folder (default: site)")
    parser.add_argument("--no-wait", action="store_true", help="fail at once if another build is running")
    parser.set_defaults(handler=_cmd_build)

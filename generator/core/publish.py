"""Safe publishing: build into a fresh folder beside the site, swap it in only when complete.

A failed, interrupted or concurrent build never leaves a partial or mixed site: the new
site is written to `.<name>.tmp-*` next to `site_dir`, and the finished folder replaces the
old one with an atomic exchange (Linux renameat2(RENAME_EXCHANGE)), or two renames under a
lock elsewhere. Builds that overlap each write their own folder; the lock orders the swaps.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _libc():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:  # pragma: no cover
        return None


_LIBC = _libc()


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths; False when the platform cannot."""
    if _LIBC is None or not hasattr(_LIBC, "renameat2"):
        return False
    result = _LIBC.renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def _place(site_dir: Path, work_dir: Path | None) -> tuple[Path, str]:
    """Where a build of `site_dir` keeps its staging folders and lock, and their name: beside
    `site_dir`, or in `work_dir` when `site_dir` is published inside another site (a city's
    `site/<ward>/`), so nothing of the build's own lands in what is published."""
    if work_dir is None:
        return site_dir.parent, site_dir.name
    return work_dir, "-".join(Path(os.path.relpath(site_dir, work_dir)).parts)


@contextlib.contextmanager
def _lock(site_dir: Path, work_dir: Path | None = None):
    folder, name = _place(site_dir, work_dir)
    lock_path = folder / f".{name}.lock"
    with open(lock_path, "w") as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)


# Staging folders in use by this process, each with an open, flock-ed descriptor: a folder
# nobody holds a lock on belongs to a build that was killed and may be swept.
_HELD: dict[Path, int] = {}


def _hold(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)
    _HELD[folder] = fd


def _release(folder: Path) -> None:
    fd = _HELD.pop(folder, None)
    if fd is not None:
        os.close(fd)


def staging_dir(site_dir: Path, work_dir: Path | None = None) -> Path:
    """A fresh, empty folder on the same filesystem as `site_dir` (so the swap is a rename)."""
    parent, name = _place(site_dir, work_dir)
    parent.mkdir(parents=True, exist_ok=True)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{name}.tmp-", dir=parent))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(folder, 0o777 & ~umask)  # mkdtemp makes 0700: a web server reading as another user must get in
    _hold(folder)
    return folder


def remove_now(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def remove_in_background(folder: Path) -> None:
    """Delete an old site in a detached process: 10,000 files take seconds, and nobody needs to
    wait for them once the new site is in place. The process holds a lock on the folder, so the
    next build's `sweep_stale` leaves it to that process instead of deleting it again on its own
    time; a removal cut short (the lock then gone) is finished by `sweep_stale`."""
    fd = None
    try:
        if fcntl is not None:
            fd = os.open(folder, os.O_RDONLY)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # inherited: the child holds it until it exits
        subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                          str(folder)], start_new_session=True, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(fd,) if fd is not None else ())
    except OSError:
        remove_now(folder)
    finally:
        if fd is not None:
            os.close(fd)


def publish(staged: Path, site_dir: Path, work_dir: Path | None = None,
            remove_old: Callable[[Path], None] = remove_now) -> None:
    """Put the finished `staged` folder at `site_dir`; the old site is then removed by
    `remove_old` (at once, or `remove_in_background`)."""
    _release(staged)
    parent, name = _place(site_dir, work_dir)
    with _lock(site_dir, work_dir):
        if site_dir.exists() and not site_dir.is_symlink() and site_dir.is_dir():
            old = Path(tempfile.mkdtemp(prefix=f".{name}.old-", dir=parent))
            os.rmdir(old)
            if _exchange(staged, site_dir):
                os.replace(staged, old)  # the staging folder now holds the old site
            else:
                os.replace(site_dir, old)
                os.replace(staged, site_dir)
            remove_old(old)
        else:
            if site_dir.is_symlink() or site_dir.is_file():
                site_dir.unlink()
            os.replace(staged, site_dir)


def publish_entries(staged: Path, site_dir: Path, work_dir: Path | None = None) -> None:
    """Put each entry of the finished `staged` folder into `site_dir`, leaving the rest of it alone
    (the hub around its wards' folders). Each file and folder is swapped atomically on its own."""
    _release(staged)
    site_dir.mkdir(parents=True, exist_ok=True)
    parent, name = _place(site_dir, work_dir)
    with _lock(site_dir, work_dir):
        for entry in sorted(staged.iterdir()):
            target = site_dir / entry.name
            if entry.is_dir() and target.is_dir() and not target.is_symlink():
                if not _exchange(entry, target):
                    old = Path(tempfile.mkdtemp(prefix=f".{name}.old-", dir=parent))
                    os.rmdir(old)
                    os.replace(target, old)
                    os.replace(entry, target)
                    entry = old
            else:
                if target.is_dir() and not target.is_symlink():
                    shutil.rmtree(target)
                elif entry.is_dir() and (target.is_symlink() or target.exists()):
                    target.unlink()
                os.replace(entry, target)
                continue
            shutil.rmtree(entry, ignore_errors=True)  # now holds the old folder
    shutil.rmtree(staged, ignore_errors=True)


def discard(staged: Path) -> None:
    _release(staged)
    shutil.rmtree(staged, ignore_errors=True)


def sweep_stale(site_dir: Path, work_dir: Path | None = None) -> None:
    """Remove folders left by builds that were killed before they could clean up.

    A staging folder still locked belongs to a build that is running now and is left alone.
    """
    parent, name = _place(site_dir, work_dir)
    if not parent.is_dir():
        return
    with _lock(site_dir, work_dir):
        for leftover in parent.glob(f".{name}.old-*"):
            if fcntl is None or _is_abandoned(leftover):  # not being removed by an earlier build's process right now
                shutil.rmtree(leftover, ignore_errors=True)
        for leftover in parent.glob(f".{name}.tmp-*"):
            if leftover in _HELD or not _is_abandoned(leftover):
                continue
            shutil.rmtree(leftover, ignore_errors=True)


def _is_abandoned(folder: Path) -> bool:
    if fcntl is None:  # pragma: no cover - without flock we cannot tell, so keep it
        return False
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)

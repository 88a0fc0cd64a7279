"""Safe publishing: build into a folder beside the site, swap it in only when complete.

A failed, interrupted or concurrent build never leaves a partial or mixed site: the new
site is written to `.<name>.tmp-*` next to `site_dir`, and the finished folder replaces the
old one with an atomic exchange (Linux renameat2(RENAME_EXCHANGE)), or two renames under a
lock elsewhere. Builds that overlap each write their own folder; the lock orders the swaps.

`ward-news build` keeps the site it replaced as `.<name>.spare` and builds the next site in it
(`PreviousSite`): at 5,000 articles, making 7,800 page folders and 21,000 links again, and
deleting as many, cost seconds of every warm build. The spare is never the published site.
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
import threading
from pathlib import Path
from typing import Callable, Iterable

from .cache import read_checked_json, write_checked_json

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

def site_dir_overlap(site_dir: Path, project_root: Path, content_dir: Path, cache_dir: Path | None) -> str | None:
    """Why `site_dir` may not be built into, in Vietnamese, or None. Publishing moves the old site
    aside and deletes it: a site folder that is, holds or sits inside the content, the project's
    git history or the cache would take them with it; one that is or holds the project too."""
    site = Path(os.path.realpath(site_dir))

    def overlaps(other: Path) -> bool:
        other = Path(os.path.realpath(other))
        return site == other or other in site.parents or site in other.parents

    def holds(other: Path) -> bool:
        other = Path(os.path.realpath(other))
        return site == other or site in other.parents

    if overlaps(content_dir):
        return f"thư mục trang web {site} trùng, chứa hoặc nằm trong thư mục nội dung {content_dir}"
    if holds(project_root):
        return f"thư mục trang web {site} là hoặc chứa cả thư mục dự án {project_root}"
    if overlaps(Path(project_root) / ".git"):
        return f"thư mục trang web {site} trùng, chứa hoặc nằm trong thư mục .git của dự án"
    if cache_dir is not None and overlaps(cache_dir):
        return f"thư mục trang web {site} trùng, chứa hoặc nằm trong bộ nhớ đệm {cache_dir}"
    return None


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


class PreviousSite:
    """A site replaced by an earlier build, taken as this build's staging folder.

    Taken, it holds only what the build that made it placed from the cache (`placed`: paths
    relative to it, recorded at publish; each still a hard link to a cache entry): every other
    file (feeds, theme files, sitemaps, or anything linked from outside, such as a backup made
    with `cp -al`) is deleted first, so nothing this build writes can go through a link into a
    cache entry, the published site or anyone's file. Pages about to be rendered are unlinked
    before MkDocs writes them (the plugin's on_pre_page) and `cache.place_file` replaces a
    link by another, never writes through. After the build, `remove_unused` deletes each link
    that nothing placed again, so the folder holds exactly what a build into an empty one would.
    """

    def __init__(self, folder: Path, placed: frozenset[str] = frozenset()):
        self.folder = folder
        self.links: dict[str, int] = {}  # path -> inode when taken
        self.folders: set[str] = set()  # every folder in it: they stay until `remove_unused`
        self._touched: set[str] = set()  # folders that lost a file or had none: empty ones go at the end
        self._placed = placed
        self.error: BaseException | None = None
        # Looking at 26,000 files takes a third of a second: done while the content loads.
        self._thread = threading.Thread(target=self._take, name="ward-news-previous-site", daemon=True)
        self._thread.start()

    def _take(self) -> None:
        try:
            found = _listing(self.folder)
            if found is None:
                found = _walk(self.folder)
            start = len(str(self.folder)) + 1
            parents = set()
            for kind, links, inode, path in found:
                parents.add(os.path.dirname(path))
                if kind == "d":
                    self.folders.add(path)
                elif kind == "f" and links > 1 and path[start:] in self._placed:
                    self.links[path] = inode
                else:
                    os.unlink(path)
                    self._touched.add(os.path.dirname(path))
            self._touched.update(self.folders - parents)  # empty already
        except BaseException as exc:  # noqa: BLE001 - raised on the build's thread by ready()
            self.error = exc

    def ready(self) -> set[str]:
        """Wait until only links are left (nothing may write into the folder before); the
        folders it has, so that placing 20,000 files does not try to make them again."""
        self._thread.join()
        if self.error is not None:
            raise self.error
        return self.folders

    def remove_unused(self, placed: set[str]) -> int:
        """Delete the links this build did not place again (`placed`: the targets of
        `cache.place_file`) and did not replace (a page rendered again is another inode: the
        old one lives on in the cache). Not by mtime: a cache marking an entry used (`utime`)
        changes it through every link. Then the folders left empty."""
        self.ready()
        removed = 0
        for path, inode in self.links.items():
            if path in placed:
                continue
            try:
                info = os.lstat(path)
            except FileNotFoundError:
                continue
            if info.st_ino == inode:
                os.unlink(path)
                self._touched.add(os.path.dirname(path))
                removed += 1
        root = str(self.folder)
        for directory in sorted(self._touched, key=len, reverse=True):
            while directory != root and directory.startswith(root):
                try:
                    os.rmdir(directory)
                except OSError:  # not empty (or gone): its parents are not empty either
                    break
                directory = os.path.dirname(directory)
        return removed


_Entry = tuple[str, int, int, str]  # kind ("f", "d", other), links, inode, path


def _listing(folder: Path) -> list[_Entry] | None:
    """Everything under `folder` as GNU find lists it: its system calls without Python's work
    per file (26,000 files at 5,000 articles, while the content loads on the same core); None
    where there is no GNU find."""
    try:
        result = subprocess.run(["find", str(folder), "-mindepth", "1", "-printf", r"%y %n %i %p\0"],
                                capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    entries = []
    try:
        for record in result.stdout.split(b"\0")[:-1]:
            kind, links, inode, path = record.split(b" ", 3)
            entries.append((kind.decode(), int(links), int(inode), os.fsdecode(path)))
    except ValueError:  # a find that took -printf but is not GNU's
        return None
    return entries


def _walk(folder: Path) -> list[_Entry]:
    entries = []
    stack = [str(folder)]
    while stack:
        with os.scandir(stack.pop()) as found:
            for entry in found:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                    entries.append(("d", 0, 0, entry.path))
                    continue
                info = entry.stat(follow_symlinks=False)
                kind = "f" if entry.is_file(follow_symlinks=False) else "l"
                entries.append((kind, info.st_nlink, info.st_ino, entry.path))
    return entries


def reusable_staging_dir(site_dir: Path, work_dir: Path | None = None) -> tuple[Path, PreviousSite | None]:
    """The spare site an earlier build left (`publish(..., placed=...)`), taken for this
    build with the record of what was placed in it, or a fresh folder (and None)."""
    parent, name = _place(site_dir, work_dir)
    spare, record = _spare(site_dir, work_dir), _record(site_dir, work_dir, spare=True)
    folder = None
    parent.mkdir(parents=True, exist_ok=True)
    with _lock(site_dir, work_dir):
        if spare.is_dir() and not spare.is_symlink():
            saved = read_checked_json(record, _RECORD_FORMAT)
            placed = frozenset(p for p in saved if isinstance(p, str)) if isinstance(saved, list) else None
            record.unlink(missing_ok=True)
            folder = Path(tempfile.mkdtemp(prefix=f".{name}.tmp-", dir=parent))
            os.rmdir(folder)
            os.replace(spare, folder)  # under the lock: one build takes it
            _hold(folder)
    if folder is not None:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        return folder, PreviousSite(folder, placed if isinstance(placed, frozenset) else frozenset())
    return staging_dir(site_dir, work_dir), None


def _spare(site_dir: Path, work_dir: Path | None) -> Path:
    parent, name = _place(site_dir, work_dir)
    return parent / f".{name}.spare"


def _record(site_dir: Path, work_dir: Path | None, spare: bool = False) -> Path:
    """What the build of the published site (or of the spare) placed from the cache."""
    parent, name = _place(site_dir, work_dir)
    return parent / f".{name}{'.spare' if spare else ''}.placed"


_RECORD_FORMAT = b"ward-news-placed-2\n"


def _keep_as_spare(old: Path, site_dir: Path, work_dir: Path | None) -> bool:
    """Under the lock: `old` (the replaced site) becomes the spare, with its record, unless a
    spare is waiting already."""
    spare = _spare(site_dir, work_dir)
    if spare.exists():
        return False
    try:
        os.replace(old, spare)
    except OSError:
        return False
    try:
        os.replace(_record(site_dir, work_dir), _record(site_dir, work_dir, spare=True))
    except OSError:
        _record(site_dir, work_dir, spare=True).unlink(missing_ok=True)  # unknown: nothing is kept
    return True


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
            remove_old: Callable[[Path], None] = remove_now, placed: Iterable[str] | None = None) -> None:
    """Put the finished `staged` folder at `site_dir`; the old site is then removed by
    `remove_old` (at once, or `remove_in_background`). With `placed` (what the build placed
    from the cache, paths relative to the site), the old site is kept as the next build's
    staging folder instead when no spare is waiting (`reusable_staging_dir`), and `placed` is
    recorded for the new site, whose turn comes after."""
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
            if placed is None or not _keep_as_spare(old, site_dir, work_dir):
                remove_old(old)
        else:
            if site_dir.is_symlink() or site_dir.is_file():
                site_dir.unlink()
            os.replace(staged, site_dir)
        record = _record(site_dir, work_dir)
        if placed is None:
            record.unlink(missing_ok=True)
        else:
            with contextlib.suppress(OSError):  # without it the next build but one starts empty
                write_checked_json(record, _RECORD_FORMAT, sorted(set(placed)))


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


def discard(staged: Path, site_dir: Path | None = None, work_dir: Path | None = None) -> None:
    """Drop a staging folder whose build failed; with `site_dir`, keep it as that site's spare
    when none is waiting (nothing of it is recorded as placed: the next build that takes it
    empties it)."""
    _release(staged)
    if site_dir is not None:
        spare = _spare(site_dir, work_dir)
        with _lock(site_dir, work_dir):
            if not spare.exists():
                _record(site_dir, work_dir, spare=True).unlink(missing_ok=True)
                with contextlib.suppress(OSError):
                    os.replace(staged, spare)
                    return
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

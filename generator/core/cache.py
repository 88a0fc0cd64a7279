"""One small on-disk cache for everything derived from content: cards, QR codes, photos,
rendered pages and their bodies.

Entries are files named by a content-hash key (the caller hashes everything that makes the
file), written atomically (temp file + rename), so a crash or two builds at once never leave a
half-written entry. The cache is only a speed-up: deleting `.cache/` costs time, never output.
`prune()` removes what this build did not ask for, and temp files a killed build left behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import pickle
import shutil
import tempfile
import time
from pathlib import Path

_TEMP_PREFIX = ".tmp-"
_STALE_TEMP_SECONDS = 3600
DAY = 24 * 3600
WEEK = 7 * DAY
_umask = os.umask(0)
os.umask(_umask)
PUBLIC_FILE_MODE = 0o666 & ~_umask

def place_file(source: Path | str, target: Path | str, folders: set[str] | None = None,
               source_stat: os.stat_result | None = None, placed: set[str] | None = None) -> None:
    """Put a cached file into the site: a hard link when possible (cheap), a copy otherwise.
    Whatever else was at `target` is unlinked first, never written through: it may be a link
    to another cache entry; the same file already there (a site built before, publish.py
    PreviousSite) is left as it is. `folders`: folders known to exist (thousands of pages, one
    mkdir each). `source_stat`: the source's, when the caller has just looked (a stat less).
    `placed`: the build's record of every target placed (normalised; BuildCache.placed), which
    publish.PreviousSite keeps while deleting the rest of an earlier site. A link found in place,
    or unlinked and linked again, looks untouched from outside.
    Plain `os` calls on strings: a warm build places some 20,000 files this way."""
    source, target = os.fspath(source), os.fspath(target)
    parent = os.path.dirname(target)
    if folders is None:
        os.makedirs(parent, exist_ok=True)
    elif parent not in folders:
        try:  # a page's own folder, in a folder made just before: one system call, not makedirs' two
            os.mkdir(parent)
        except FileExistsError:
            pass
        except FileNotFoundError:
            os.makedirs(parent, exist_ok=True)
        folders.add(parent)
    if placed is not None:
        placed.add(os.path.normpath(target))
    try:
        present = os.lstat(target)
    except FileNotFoundError:
        present = None
    if present is not None:
        if source_stat is None:
            source_stat = os.stat(source)
        if (present.st_ino, present.st_dev) == (source_stat.st_ino, source_stat.st_dev):
            _make_public(target, present.st_mode)
            return
        os.unlink(target)
    try:
        os.link(source, target)
    except FileExistsError:  # made meanwhile by someone else: replaced, never written through
        os.unlink(target)
        _link_or_copy(source, target)
        source_stat = None
    except OSError:  # another file system, or links not allowed
        shutil.copyfile(source, target)
        source_stat = None
    _make_public(target, source_stat.st_mode if source_stat is not None else os.stat(target).st_mode)


def _make_public(path: str, mode: int) -> None:
    if mode & 0o777 != PUBLIC_FILE_MODE:  # entries cached by older versions were 0600
        os.chmod(path, PUBLIC_FILE_MODE)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


class DiskCache:
    """Files under `root/namespace/`, one per key; remembers which keys this build used."""

    def __init__(self, root: Path, namespace: str):
        self.directory = Path(root) / namespace
        self._used: set[str] = set()

    def path(self, key: str, suffix: str) -> Path:
        return self.directory / f"{key}{suffix}"

    def get(self, key: str, suffix: str) -> Path | None:
        """The cached file for `key`, or None. A hit counts as used (kept by `prune`)."""
        path = self.path(key, suffix)
        try:
            # "Last used", for prune(grace_seconds=...), a week: to the day is enough, and a
            # build then writes nothing for 10,000 cards and QR codes used yesterday too.
            if time.time() - os.stat(path).st_mtime > DAY:
                os.utime(path)
        except OSError:
            return None
        self._used.add(path.name)
        return path

    def put(self, key: str, suffix: str, data: bytes) -> Path:
        """Store `data` under `key` atomically and return its path."""
        self.directory.mkdir(parents=True, exist_ok=True)
        target = self.path(key, suffix)
        fd, temp = tempfile.mkstemp(prefix=_TEMP_PREFIX, dir=self.directory)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(temp, PUBLIC_FILE_MODE)  # mkstemp makes 0600; entries are linked into the public site
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        self._used.add(target.name)
        return target

    def mark_used(self, key: str, suffix: str) -> None:
        self._used.add(self.path(key, suffix).name)

    def prune_daily(self, grace_seconds: float = WEEK) -> int:
        """`prune(grace_seconds)` at most once a day: entries are only kept a week anyway, and
        looking at each of 15,000 entries costs half a second a build at 5,000 articles."""
        stamp = self.directory / ".pruned"
        try:
            if time.time() - stamp.stat().st_mtime < DAY:
                return 0
        except OSError:
            pass
        removed = self.prune(grace_seconds)
        if self.directory.is_dir():
            stamp.touch()
        return removed

    def prune(self, grace_seconds: float = 0) -> int:
        """Delete entries this build did not use and stale temp files; return how many went.

        With `grace_seconds`, an unused entry survives until it has not been used for that
        long: two sites built from one project (or a test building another ward) share the
        cache without deleting each other's cards.
        """
        if not self.directory.is_dir():
            return 0
        removed = 0
        now = time.time()
        for entry in self.directory.iterdir():
            if not entry.is_file():
                continue
            if entry.name.startswith(_TEMP_PREFIX):
                # Another build may be writing it right now: only old ones are left-overs.
                if now - entry.stat().st_mtime < _STALE_TEMP_SECONDS:
                    continue
            elif entry.name.startswith("."):  # the cache's own bookkeeping (.pruned, .trusted)
                continue
            elif entry.name in self._used or now - entry.stat().st_mtime < grace_seconds:
                continue
            entry.unlink(missing_ok=True)
            removed += 1
        return removed


class CheckedCache(DiskCache):
    """A DiskCache whose entries carry a digest of their own bytes in their name
    (`<key>.<digest><suffix>`): an entry that was truncated, corrupted or edited by hand no
    longer matches its name, and is dropped and made again instead of being published.

    For what is published as it is (rendered pages) and what feeds and search carry (bodies).
    The folder is listed once per build; looking an entry up is then a dictionary hit.

    `locate` reads an entry again only when its stat changed since its bytes last matched its
    name (git's index rule): a warm build at 5,000 articles would otherwise read and hash
    13,000 files it only links. The stat is size, mtime and inode, not ctime: linking an entry
    into a site changes its ctime every build. Truncating, rewriting or replacing a file
    changes at least one of the three. An entry is trusted only once a later build has read
    it back and found it whole, never on the word of the build that wrote it.
    """

    DIGEST_CHARS = 16
    TRUST_FILE = ".trusted"
    _TRUST_FORMAT = b"ward-news-trusted-2\n"

    def __init__(self, root: Path, namespace: str):
        super().__init__(root, namespace)
        self._names: dict[str, str] | None = None  # key + suffix -> file name
        self.rejected = 0  # entries found corrupt this build
        self._trusted: dict[str, tuple[int, int, int]] | None = None  # name -> stat when its bytes matched
        self._trust_changed = False

    @staticmethod
    def _signature(stat: os.stat_result) -> tuple[int, int, int]:
        return stat.st_size, stat.st_mtime_ns, stat.st_ino

    def _trust(self) -> dict[str, tuple[int, int, int]]:
        if self._trusted is None:
            saved = read_checked_json(self.directory / self.TRUST_FILE, self._TRUST_FORMAT)
            self._trusted = {name: tuple(signature) for name, signature in saved.items()
                             if isinstance(signature, list) and len(signature) == 3
                             and all(type(n) is int for n in signature)} if isinstance(saved, dict) else {}
        return self._trusted

    #: An entry whose bytes are checked within two seconds of its last change is not trusted
    #: by stat (git's "racily clean" entries): the file system's clock is coarse, so a rewrite
    #: of the same size in the same tick would keep the mtime it had when it was checked.
    RACY_NS = 2_000_000_000

    def _trust_now(self, name: str, stat: os.stat_result) -> None:
        """Remember the stat of an entry whose bytes were just read and matched its name."""
        if time.time_ns() - stat.st_mtime_ns < self.RACY_NS:
            return
        signature = self._signature(stat)
        if self._trust().get(name) != signature:
            self._trusted[name] = signature
            self._trust_changed = True

    def locate(self, key: str, suffix: str) -> tuple[Path, os.stat_result] | None:
        """(path, stat) of the entry for `key` when its bytes match its name, read and hashed
        only when its stat is not the one they last matched with; None otherwise. A hit
        counts as used."""
        name = self._index().get(key + suffix)
        if name is None:
            return None
        path = self.directory / name
        try:
            stat = os.stat(path)
        except OSError:
            return None
        if self._trust().get(name) != self._signature(stat):
            if self.read(key, suffix) is None:
                return None
            stat = os.stat(path)
        self._used.add(name)
        return path, stat

    def save_trust(self) -> None:
        """Keep the stats of entries that still exist, for the next build's `locate`."""
        if not self._trust_changed or self._trusted is None:
            return
        names = set(self._index().values())
        kept = {name: signature for name, signature in self._trusted.items() if name in names}
        with contextlib.suppress(OSError):  # a read-only cache: the next build reads entries again
            write_checked_json(self.directory / self.TRUST_FILE, self._TRUST_FORMAT, kept)
        self._trust_changed = False

    def _index(self) -> dict[str, str]:
        if self._names is None:
            self._names = {}
            try:
                entries = os.scandir(self.directory)
            except OSError:
                return self._names
            with entries:
                for entry in entries:
                    key, dot, rest = entry.name.partition(".")
                    if dot and not entry.name.startswith("."):  # temp files, the prune stamp
                        digest, _, suffix = rest.partition(".")
                        self._names[f"{key}.{suffix}"] = entry.name
        return self._names

    @staticmethod
    def digest(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()[: CheckedCache.DIGEST_CHARS]

    def read(self, key: str, suffix: str) -> tuple[Path, bytes] | None:
        """(path, bytes) of the entry for `key` when its bytes still match its name; None
        otherwise (a corrupt entry is deleted). A hit counts as used."""
        name = self._index().get(key + suffix)
        if name is None:
            return None
        path = self.directory / name
        try:
            with open(path, "rb") as handle:
                data, stat = handle.read(), os.fstat(handle.fileno())
        except OSError:
            return None
        if name != f"{key}.{self.digest(data)}{suffix}":
            self.rejected += 1
            path.unlink(missing_ok=True)
            del self._index()[key + suffix]
            if self._trust().pop(name, None) is not None:
                self._trust_changed = True
            return None
        self._trust_now(name, stat)
        self._used.add(name)
        return path, data

    def put(self, key: str, suffix: str, data: bytes) -> Path:
        digest = self.digest(data)
        path = super().put(f"{key}.{digest}", suffix, data)
        self._make_entry(key, suffix, f"{key}.{digest}{suffix}")
        return path

    def adopt(self, key: str, suffix: str, digest: str, source: Path | str) -> Path | None:
        """Make the file at `source`, whose bytes have `digest` (`CheckedCache.digest`), the
        entry for `key` by linking it in: no second copy written. None when it cannot be linked
        (another file system), then the caller puts the bytes. Not trusted before a later build
        has read it back (`locate`), like any entry this build made."""
        self.directory.mkdir(parents=True, exist_ok=True)
        name = f"{key}.{digest}{suffix}"
        temp = self.directory / f"{_TEMP_PREFIX}{name}"
        try:
            temp.unlink(missing_ok=True)
            os.link(source, temp)
            os.replace(temp, self.directory / name)
        except OSError:
            temp.unlink(missing_ok=True)
            return None
        self._make_entry(key, suffix, name)
        return self.directory / name

    def _make_entry(self, key: str, suffix: str, name: str) -> None:
        """The file `name`, just stored, is now the entry for `key`; the one it replaces goes."""
        old = self._index().get(key + suffix)
        self._index()[key + suffix] = name
        self._used.add(name)
        if old is not None and old != name:
            (self.directory / old).unlink(missing_ok=True)


def content_cache_file(cache_dir: Path, content_dir: Path, namespace: str) -> Path:
    """`<cache>/<namespace>/<hash of the content folder>.pickle`: one file per content folder, so
    two wards sharing a cache folder do not evict each other's entries."""
    folder = hashlib.sha256(os.path.abspath(content_dir).encode()).hexdigest()[:12]
    return Path(cache_dir) / namespace / f"{folder}.pickle"


def user_key_file(home: Path) -> Path:
    """Where this user's cache key lives: in their home, never in a project."""
    return Path(home) / ".cache" / "ward-news" / "cache-key"


def load_key(key_file: Path | None) -> bytes:
    """The secret that authenticates this user's pickled cache files, kept at `key_file`, outside
    any repository (made on first use, readable by its owner only). Without a key file, or when
    it cannot be read or made, a key for this process alone: the cache then lasts one process."""
    if key_file is not None:
        key_file = Path(key_file)
        try:
            key = key_file.read_bytes()
            if len(key) >= 32:
                return key
        except OSError:
            pass
        try:
            key_file.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(os.urandom(32))
            return key_file.read_bytes()
        except OSError:
            pass
    return os.urandom(32)


def read_checked_pickle(path: Path, label: bytes, key: bytes):
    """What `write_checked_pickle` saved at `path` under `label` with `key`, or None when there is
    none, it is damaged or of another kind, or it was not written with this key. A pickle runs
    code when loaded: only a file that carries this user's HMAC (the key is never in a
    repository, `load_key`) is unpickled, so a cache file committed in a pull request, or
    planted on a shared machine, is a miss, never code that runs."""
    payload = _checked_payload(path, label, lambda data: hmac.new(key, data, hashlib.sha256).digest())
    if payload is None:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # noqa: BLE001 - an unreadable cache is only a slower build
        return None


def write_checked_pickle(path: Path, label: bytes, value, key: bytes) -> None:
    """`value` pickled behind `label` and an HMAC of its bytes under `key`, written atomically."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    _write_atomically(path, label + hmac.new(key, payload, hashlib.sha256).digest() + payload)


def read_checked_json(path: Path, label: bytes):
    """What `write_checked_json` saved at `path` under `label`, or None when there is none or it is
    damaged. JSON is plain data: loading it cannot run code."""
    payload = _checked_payload(path, label, lambda data: hashlib.sha256(data).digest())
    if payload is None:
        return None
    try:
        return json.loads(payload)
    except ValueError:
        return None


def _checked_payload(path: Path, label: bytes, digest_of) -> bytes | None:
    """The payload of a file laid out as `label`, a 32-byte digest of the payload, the payload;
    None when the file is missing, of another kind, or its digest does not match."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    head, digest, payload = data[: len(label)], data[len(label): len(label) + 32], data[len(label) + 32:]
    if head != label or not hmac.compare_digest(digest_of(payload), digest):
        return None
    return payload


def write_checked_json(path: Path, label: bytes, value) -> None:
    """`value` as JSON behind `label` and a digest of its bytes, written atomically."""
    payload = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    _write_atomically(path, label + hashlib.sha256(payload).digest() + payload)


def _write_atomically(path: Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f"{_TEMP_PREFIX}{os.getpid()}-{path.name}")
    temp.write_bytes(data)
    os.replace(temp, path)

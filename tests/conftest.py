"""Fixture sites built with the real MkDocs, the real Material theme and the real plugin."""

from __future__ import annotations

import io
import ipaddress
import logging
import os
import shutil
import socket
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# A fixed clock: fixtures are dated around it, and every build sees the same "now".
NOW = "2026-11-20 12:00"

CATEGORIES = """\
- name: An sinh xã hội
  description: Chăm lo cho hộ nghèo, cận nghèo và gia đình chính sách
- name: Chuyển đổi số
- name: Hoạt động Mặt trận
  slug: hoat-dong
"""


def article(title="Trao quà Tết cho hộ cận nghèo", date="2026-01-09", category="An sinh xã hội", body=None,
            **extra) -> str:
    """An article file's text; extra front-matter keys are written as given (already YAML)."""
    lines = ["---", f"title: {title}", f"date: {date}", f"category: {category}"]
    lines += [f"{key}: {value}" for key, value in extra.items()]
    lines.append("---")
    body = body if body is not None else "Sáng 9/1, Ủy ban MTTQ phường đã trao 150 phần quà.\n\nĐoạn thứ hai."
    return "\n".join(lines) + "\n" + body + "\n"


_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Text as a legacy Windows-1258 file: base letters composed, tone marks as separate bytes."""
    import unicodedata

    out, base, tones = [], "", []
    for ch in unicodedata.normalize("NFD", text) + "\0":
        if unicodedata.combining(ch):
            if ch in _TONE_MARKS:
                tones.append(ch)
            else:
                base += ch
            continue
        if base:
            out.append(unicodedata.normalize("NFC", base) + "".join(tones))
        base, tones = ch, []
    return "".join(out).rstrip("\0").encode("cp1258")


@dataclass
class Build:
    root: Path
    site_dir: Path
    ok: bool
    log: str
    error: str = ""
    problems: list = field(default_factory=list)
    stats: object = None  # the plugin's OutputStats: cards drawn and reused, feeds written

    def file(self, url: str) -> Path:
        """The built file behind a site-relative or absolute URL of this site."""
        path = url.split("://", 1)[-1].split("/", 1)[-1] if "://" in url else url.lstrip("/")
        path = path.split("#", 1)[0]
        return self.site_dir / (path + "index.html" if path.endswith("/") or path == "" else path)

    def html(self, url: str) -> BeautifulSoup:
        path = self.site_dir / url / "index.html" if not url.endswith(".html") else self.site_dir / url
        return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")


def write_mkdocs_yml(root: Path, plugin: dict | None = None) -> None:
    """A short mkdocs.yml, as a ward's own: the packaged theme (brought in by the plugin), a fixed clock."""
    options = {"now": NOW, "pagination_per_page": 10, **(plugin or {})}
    option_lines = "\n".join(f"      {k}: {v!r}" if isinstance(v, str) else f"      {k}: {v}" for k, v in options.items())
    (root / "mkdocs.yml").write_text(textwrap.dedent(f"""\
        site_name: Thử nghiệm
        site_url: https://phuong.example.vn/
        docs_dir: content
        site_dir: site
        theme:
          name: material
        plugins:
          - ward-news:
        """) + option_lines + "\n", encoding="utf-8")


def make_site(tmp_path: Path, files: dict[str, str | bytes], plugin: dict | None = None,
              categories: str | None = CATEGORIES) -> Path:
    """A project folder: mkdocs.yml (the packaged theme) and content/ with `files`."""
    write_mkdocs_yml(tmp_path, plugin)
    all_files = dict(files)
    if categories is not None and "content/categories.yml" not in all_files:
        all_files["content/categories.yml"] = categories
    write_files(tmp_path, all_files)
    (tmp_path / "content").mkdir(exist_ok=True)
    return tmp_path


def build_site(root: Path, site_dir: Path | None = None) -> Build:
    """Run the real `mkdocs build` with our plugin; capture its log."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, PluginError

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setLevel(logging.INFO)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous_level = logger.level
    logger.setLevel(logging.INFO)
    cwd = os.getcwd()
    os.chdir(root)
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir or root / "site"))
        try:
            build(config)
            ok, error = True, ""
        except (Abort, PluginError) as exc:
            ok, error = False, str(exc)
        plugin = config.plugins["ward-news"]
        problems = plugin.problems.problems if plugin.problems is not None else []
        stats = plugin.stats
    finally:
        os.chdir(cwd)
        logger.removeHandler(handler)
        logger.setLevel(previous_level)
    return Build(root=root, site_dir=Path(config.site_dir), ok=ok, log=stream.getvalue(), error=error,
                 problems=problems, stats=stats)


def copy_sample(tmp_path: Path) -> Path:
    """The bundled sample ward (mkdocs.yml, content/) as a project of its own: the theme is the package's."""
    root = tmp_path / "sample"
    root.mkdir()
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "content", root / "content")
    return root


@pytest.fixture
def site_builder(tmp_path):
    """make + build in one call: `site_builder({"content/news/a.md": article()})`."""

    def run(files: dict, **kwargs) -> Build:
        return build_site(make_site(tmp_path, files, **kwargs))

    return run


class served:
    """A built site over HTTP on a free local port (module scripts and fetch need http://).
    `gzip=True` compresses text files as a real host (GitHub Pages, nginx) does, for measuring
    what readers download; Pagefind's own files are compressed already and sent as they are."""

    def __init__(self, directory: Path, gzip: bool = False):
        import functools
        import http.server

        handler = functools.partial(_GzipHandler if gzip else _QuietHandler, directory=str(directory))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"

    def __enter__(self) -> "served":
        import threading

        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def _quiet_handler_base():
    import http.server

    return http.server.SimpleHTTPRequestHandler


class _QuietHandler(_quiet_handler_base()):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


class _GzipHandler(_QuietHandler):
    COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

    def do_GET(self) -> None:
        import gzip

        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in self.COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") \
                or not path.is_file():
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()


def settle(page) -> None:
    """Wait until the page has loaded everything it asked for and its fonts are in place: what a
    test measures (sizes, widths, controls built by the page's scripts) is final then. Not
    Playwright's "networkidle", which waits half a second of silence after every load."""
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")


class NetworkUsed(RuntimeError):
    """Raised where test code reaches for a host other than this machine (not an OSError, so
    code that tolerates a network failure cannot swallow it quietly)."""


def _off_machine(host: object) -> bool:
    """Whether reaching `host` would leave this machine; a name other than localhost would."""
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if host is None:
        return False
    if not isinstance(host, str):
        return True
    name = host.lower().rstrip(".")
    if name in ("", "localhost") or name.endswith(".localhost"):
        return False
    try:
        address = ipaddress.ip_address(name.split("%", 1)[0])
    except ValueError:
        return True  # looking a name up is already a request to a DNS server
    address = getattr(address, "ipv4_mapped", None) or address
    return not (address.is_loopback or address.is_unspecified)


def _inet(sock: socket.socket, address: object) -> bool:
    return sock.family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple) and bool(address)


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """A build must not reach the network (STYLE §6): in every test, a connection to, a datagram
    for, or a lookup of any host but this machine raises NetworkUsed, and fails the test even
    when the code under test catches it. Loopback stays open (the site is served on 127.0.0.1
    for Chromium); Unix sockets and pipes are untouched. Subprocesses are not covered: the build
    in a network namespace (tests/cli/test_offline.py) is. The yielded list holds the attempts;
    a test that provokes one on purpose clears it."""
    attempts: list[str] = []

    def refuse(what: str) -> None:
        attempts.append(what)
        raise NetworkUsed(f"a test reached for the network: {what}. Nothing may leave this machine.")

    def guard(method):
        def guarded(sock, address, *args):
            if _inet(sock, address) and _off_machine(address[0]):
                refuse(f"{method.__name__}{address!r}")
            return method(sock, address, *args)
        return guarded

    def guard_sendto(sock, data, *args):
        address = args[-1]
        if _inet(sock, address) and _off_machine(address[0]):
            refuse(f"sendto{address!r}")
        return sendto(sock, data, *args)

    def guarded_lookup(host, *args, **kwargs):
        if _off_machine(host):
            refuse(f"getaddrinfo({host!r})")
        return getaddrinfo(host, *args, **kwargs)

    sendto, getaddrinfo = socket.socket.sendto, socket.getaddrinfo
    monkeypatch.setattr(socket.socket, "connect", guard(socket.socket.connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guard(socket.socket.connect_ex))
    monkeypatch.setattr(socket.socket, "sendto", guard_sendto)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_lookup)
    yield attempts
    if attempts:
        pytest.fail("the test reached for the network (caught or not): " + "; ".join(attempts), pytrace=False)

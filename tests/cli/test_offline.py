"""No network at build time (STYLE §6): the sample ward builds, cards and search index included, in
a network namespace with no network at all; inside the test process, the guard in tests/conftest.py
refuses every host but this machine."""

import os
import shutil
import socket
import subprocess
import sys
import urllib.request

import feedparser
import lxml.html
import pytest
from PIL import Image

from tests.conftest import NetworkUsed, copy_sample, served

# As root, a network namespace; otherwise one inside a user namespace, as a mapped root.
NAMESPACES = (["unshare", "--net"], ["unshare", "--map-root-user", "--net"])


def offline_prefix() -> tuple[list[str] | None, str]:
    """The command prefix that runs a program with no network, or why this machine has none."""
    if shutil.which("unshare") is None:
        return None, "unshare (util-linux) is not installed"
    refusals = []
    for prefix in NAMESPACES:
        probe = subprocess.run([*prefix, "true"], capture_output=True, text=True, timeout=30)
        if probe.returncode == 0:
            return prefix, ""
        refusals.append(f"`{' '.join(prefix)} true`: {probe.stderr.strip() or f'exit {probe.returncode}'}")
    return None, "no network namespace can be made here (" + "; ".join(refusals) + ")"


@pytest.fixture(scope="module")
def offline():
    prefix, reason = offline_prefix()
    if prefix is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must prove that a build needs no network, but {reason}. Install util-linux, and run "
                        "the tests as root or allow unprivileged user namespaces (Ubuntu 24.04: sudo sysctl -w "
                        "kernel.apparmor_restrict_unprivileged_userns=0).", pytrace=False)
        pytest.skip(reason)
    return prefix


def test_the_sample_ward_builds_with_no_network_at_all(tmp_path, offline):
    unreachable = subprocess.run(
        [*offline, sys.executable, "-c", "import socket; socket.create_connection(('192.0.2.1', 80), timeout=5)"],
        capture_output=True, text=True, timeout=60)
    assert unreachable.returncode != 0 and "Network is unreachable" in unreachable.stderr  # truly offline

    root = copy_sample(tmp_path)  # and no cache: every card is drawn, every font loaded
    result = subprocess.run([*offline, sys.executable, "-c", "from generator.cli.main import cli; cli()", "build"],
                            cwd=root, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Đã dựng xong" in result.stdout

    site = root / "site"
    assert lxml.html.fromstring((site / "index.html").read_bytes()).get("lang") == "vi"
    for feed in ("feed.xml", "atom.xml", "chuyen-muc/an-sinh-xa-hoi/feed.xml"):
        parsed = feedparser.parse((site / feed).read_bytes())
        assert not parsed.bozo and parsed.entries, feed
    pagefind = site / "pagefind"
    assert (pagefind / "pagefind.js").is_file() and (pagefind / "pagefind-entry.json").is_file()
    assert list((pagefind / "fragment").iterdir()) and list((pagefind / "index").iterdir())
    cards = set()
    for page in site.rglob("*.html"):
        for url in lxml.html.fromstring(page.read_bytes()).xpath('//meta[@property="og:image"]/@content'):
            cards.add(url.removeprefix("https://mttq.phuonghoabinh.vn/"))
    assert len(cards) > 20
    for card in cards:
        with Image.open(site / card) as image:
            assert image.size == (1200, 630), card


def test_the_socket_guard_refuses_other_hosts_and_keeps_loopback(tmp_path, no_network):
    with pytest.raises(NetworkUsed):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    with pytest.raises(NetworkUsed):
        urllib.request.urlopen("https://pypi.org/simple/", timeout=1)  # the name lookup is refused
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp, pytest.raises(NetworkUsed):
        udp.sendto(b"\0", ("8.8.8.8", 53))
    try:
        socket.create_connection(("2001:db8::1", 80), timeout=1)
    except NetworkUsed:  # caught or not, the attempt is kept: the test that made it fails
        pass
    assert len(no_network) == 4
    no_network.clear()

    (tmp_path / "index.html").write_text("xin chào", "utf-8")
    with served(tmp_path) as server:
        for url in (server.url, server.url.replace("127.0.0.1", "localhost")):
            with urllib.request.urlopen(url, timeout=5) as response:
                assert response.read().decode("utf-8") == "xin chào"
    assert no_network == []


def test_an_unseen_ward_with_a_phone_photo_builds_with_no_network_at_all(tmp_path, offline):
    """Another ward's content (tests/fixtures/unseen_ward.py: a portrait phone photo with GPS,
    a report, CRLF and NFD files), its own cache: photos decoded, cards drawn, all offline."""
    from tests.conftest import REPO
    from tests.fixtures.unseen_ward import write_ward

    write_ward(tmp_path)
    shutil.copy2(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")  # the theme is the installed package's
    result = subprocess.run([*offline, sys.executable, "-c", "from generator.cli.main import cli; cli()", "build"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Ảnh trong bài: xử lý mới 1, dùng lại 0" in result.stdout + result.stderr
    photos = list((tmp_path / "site" / "anh").glob("*-480.webp"))
    assert photos and not list((tmp_path / "site").rglob("nha-moi.jpg"))

import threading

import pytest

from generator.core import publish


def tree(path):
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


def test_publish_swaps_a_finished_folder_in(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    staged = publish.staging_dir(site)
    (staged / "index.html").write_text("new")
    publish.publish(staged, site)
    assert tree(site) == {"index.html": b"new"}
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == ["site"]


def test_publish_into_a_new_folder(tmp_path):
    staged = publish.staging_dir(tmp_path / "out" / "site")
    (staged / "a").write_text("x")
    publish.publish(staged, tmp_path / "out" / "site")
    assert tree(tmp_path / "out" / "site") == {"a": b"x"}


def test_concurrent_publishes_never_mix_two_builds(tmp_path):
    site = tmp_path / "site"
    errors = []

    def build(n):
        try:
            staged = publish.staging_dir(site)
            for i in range(30):
                (staged / f"{i}.html").write_text(f"build {n}")
            publish.publish(staged, site)
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=build, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    contents = set(tree(site).values())
    assert len(contents) == 1 and len(tree(site)) == 30  # one whole build, not a mix


@pytest.mark.parametrize("exchange", [True, False])
def test_both_swap_strategies(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(publish, "_exchange", lambda a, b: False)
    site = tmp_path / "site"
    site.mkdir()
    (site / "x").write_text("old")
    staged = publish.staging_dir(site)
    (staged / "x").write_text("new")
    publish.publish(staged, site)
    assert tree(site) == {"x": b"new"}


def test_sweep_removes_only_abandoned_staging_folders(tmp_path):
    site = tmp_path / "site"
    abandoned = tmp_path / ".site.tmp-killed"  # what a build killed with SIGKILL leaves behind
    abandoned.mkdir()
    (abandoned / "half.html").write_text("half")
    running = publish.staging_dir(site)  # held by a build in progress
    publish.sweep_stale(site)
    assert not abandoned.exists() and running.exists()
    publish.discard(running)

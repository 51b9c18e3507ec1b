"""The published tree on disk: whole files only, whatever happens while writing."""

from __future__ import annotations

import gzip
import multiprocessing
import resource
import signal
from pathlib import Path

import brotli
import pytest

from masthead.publishing import store
from masthead.publishing.paths import NotPublishable, relative_file, url_for_file


@pytest.mark.parametrize(
    ("url", "file"),
    [
        ("/", "index.html"),
        ("/news/a-story/", "news/a-story/index.html"),
        ("/news/feed/rss.xml", "news/feed/rss.xml"),
        ("/my/%E1%80%9E%E1%80%90%E1%80%84%E1%80%BA%E1%80%B8/", "my/သတင်း/index.html"),
        ("/my/သတင်း/", "my/သတင်း/index.html"),
    ],
)
def test_urls_map_to_files_and_back(tmp_path, url, file):
    assert relative_file(url).as_posix() == file
    assert url_for_file(tmp_path, tmp_path / file) in {url, "/my/သတင်း/"}


@pytest.mark.parametrize(
    "url",
    ["news/", "/../etc/passwd", "/news/../../x/", "/a/%2e%2e/b/", "/x?y=1", "/.hidden/", "/%00/"],
)
def test_hostile_urls_are_never_files(url):
    with pytest.raises(NotPublishable):
        relative_file(url)


def test_write_stores_the_page_and_its_compressed_variants(tmp_path):
    body = "<p>သတင်း</p>".encode() * 100
    assert store.write("/news/x/", body, root=tmp_path)
    page = tmp_path / "news/x/index.html"
    assert page.read_bytes() == body
    assert gzip.decompress(Path(f"{page}.gz").read_bytes()) == body
    assert brotli.decompress(Path(f"{page}.br").read_bytes()) == body
    assert sorted(store.published_urls(tmp_path)) == ["/news/x/"]


def test_an_identical_page_is_not_rewritten(tmp_path):
    store.write("/a/", b"same", root=tmp_path)
    before = (tmp_path / "a/index.html").stat().st_mtime_ns
    assert not store.write("/a/", b"same", root=tmp_path)
    assert (tmp_path / "a/index.html").stat().st_mtime_ns == before


def test_remove_takes_the_variants_and_empty_folders(tmp_path):
    store.write("/news/x/", b"page", root=tmp_path)
    store.write("/news/y/", b"page", root=tmp_path)
    assert store.remove("/news/x/", root=tmp_path)
    assert not (tmp_path / "news/x").exists()
    assert (tmp_path / "news/y/index.html").exists()
    assert not store.remove("/news/x/", root=tmp_path)


def _write_with_a_full_disk(root: str) -> str:
    # The kernel refuses to grow any file past 1 KB in this process: a disk that is full.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))
    try:
        store.write("/news/x/", b"new page " * 10_000, root=Path(root))
    except OSError as error:
        return type(error).__name__
    return "written"


def test_a_full_disk_leaves_the_old_page_whole(tmp_path):
    store.write("/news/x/", b"old page", root=tmp_path)
    context = multiprocessing.get_context("fork")
    with context.Pool(1) as pool:
        assert pool.apply(_write_with_a_full_disk, (str(tmp_path),)) == "OSError"
    assert (tmp_path / "news/x/index.html").read_bytes() == b"old page"
    assert [p.name for p in (tmp_path / "news/x").iterdir() if p.name.startswith(".")] == []


def _write_many(root: str, writer: int) -> None:
    for round_ in range(40):
        body = f"writer {writer} round {round_} ".encode() * (2000 + writer * 500)
        with store.url_lock("/contended/"):
            store.write("/contended/", body, root=Path(root))


def test_two_publishers_never_interleave_writes_to_one_page(tmp_path):
    context = multiprocessing.get_context("fork")
    writers = [context.Process(target=_write_many, args=(str(tmp_path), n)) for n in (1, 2)]
    for process in writers:
        process.start()
    for process in writers:
        process.join(60)
        assert process.exitcode == 0
    page = tmp_path / "contended/index.html"
    body = page.read_bytes()
    writer, round_ = body[:30].decode().split()[1:4:2]
    expected = f"writer {writer} round {round_} ".encode() * (2000 + int(writer) * 500)
    assert body == expected
    assert gzip.decompress(Path(f"{page}.gz").read_bytes()) == expected
    assert brotli.decompress(Path(f"{page}.br").read_bytes()) == expected

"""The published tree on disk: atomic writes and removals of pages and their variants.

A reader, nginx or a mirror copy never sees half a file: each file is written to a temporary
name in its own folder and renamed over the old one, which is atomic on POSIX. If the disk
fills up half way, the temporary file is removed and the old page keeps serving. Two
publishers writing one URL at once each rename a whole file; the last rename wins, whole.
"""

from __future__ import annotations

import contextlib
import fcntl
import gzip
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import brotli
from django.conf import settings

from masthead.publishing.paths import VARIANTS, file_for_url, url_for_relative

# A full rebuild writes hundreds of thousands of pages. Measured on 300 pages of the
# 100,000-story archive (18 KB on average): brotli quality 5 takes 0.3 ms a page, quality 8
# 1.5 ms for files 0.2 % smaller; gzip level 6 takes 0.25 ms, level 9 0.34 ms for files
# 0.2 % smaller.
BROTLI_QUALITY = 5
GZIP_LEVEL = 6
LOCK_STRIPES = 256


def published_root() -> Path:
    return Path(settings.PUBLISHED_ROOT)


def write_atomically(path: Path, data: bytes) -> None:
    try:
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    except FileNotFoundError:  # its folder first (asked only then: a mkdir costs as much)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        temporary.chmod(0o644)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def read(url: str, root: Path | None = None) -> bytes | None:
    try:
        return file_for_url(root or published_root(), url).read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None


def write(url: str, body: bytes, root: Path | None = None) -> bool:
    """Store a page and its compressed variants; False when the stored page was already
    identical (nothing is touched, so its ETag and the mirrors stay as they were)."""
    path = file_for_url(root or published_root(), url)
    if read(url, root) == body and all(_variant(path, v).exists() for v in VARIANTS):
        return False
    # Variants first: a reader who gets the new page uncompressed a moment before the
    # compressed one would only see an older whole page, never a broken one.
    write_atomically(_variant(path, ".gz"), gzip.compress(body, GZIP_LEVEL, mtime=0))
    write_atomically(_variant(path, ".br"), brotli.compress(body, quality=BROTLI_QUALITY))
    write_atomically(path, body)
    return True


def remove(url: str, root: Path | None = None) -> bool:
    """Remove a page and its variants, then any folders it leaves empty."""
    base = root or published_root()
    path = file_for_url(base, url)
    existed = path.exists()
    for file in (path, *(_variant(path, v) for v in VARIANTS)):
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):
            file.unlink()
    folder = path.parent
    while folder != base and folder.is_relative_to(base):
        try:
            folder.rmdir()
        except OSError:  # not empty, or already gone
            break
        folder = folder.parent
    return existed


def published_urls(root: Path | None = None) -> Iterator[str]:
    """Every URL that has a file in the tree."""
    base = root or published_root()
    skip = len(str(base)) + 1  # a folder's path below the root, as a string: ""  or "news/x/"
    for folder, folders, files in os.walk(base):
        folders[:] = [name for name in folders if not name.startswith(".")]
        below = f"{folder[skip:]}/" if len(folder) > skip else ""
        for name in files:
            url = url_for_relative(below + name)
            if url is not None:
                yield url


@contextlib.contextmanager
def url_lock(url: str) -> Iterator[None]:
    """Serialise render-and-write of one URL across processes on this machine, so a slower
    render of older data never lands after a newer one."""
    stripe = int(hashlib.blake2b(url.encode(), digest_size=2).hexdigest(), 16) % LOCK_STRIPES
    with _lock_file(Path(settings.VAR_DIR) / "publish-locks" / f"{stripe:03d}") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _lock_file(path: Path) -> BinaryIO:
    try:
        return path.open("a+b")
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("a+b")


def _variant(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)

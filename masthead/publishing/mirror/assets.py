"""The static files and uploaded media a copy's pages use, found as the pages are rewritten
and copied once each.

Static files are looked up the way Django serves them in development (the staticfiles
finders, so the webfonts built into masthead/static_build are found), then in the
collected static storage (hashed names in production). Media come from the default file
storage, local or object storage alike. An asset that cannot be found is not copied and
its links point to the live site instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import Storage, default_storage

from masthead.publishing.paths import relative_file

# Given a media name ("images/x.width-1200.jpg"), the name of the file to copy in its
# place, or None to copy it as it is. The offline bundle swaps in small renditions.
MediaSwap = Callable[[str], str | None]


def asset_prefixes() -> tuple[str, str]:
    return (settings.STATIC_URL, settings.MEDIA_URL)


def _folder(prefix: str) -> PurePosixPath:
    return PurePosixPath(prefix.strip("/"))


@dataclass(frozen=True)
class _Found:
    site_file: PurePosixPath
    read: Callable[[], bytes]


class Assets:
    """The assets of one copy. Called with a site path (`/static/css/site.css`), it answers
    with the asset's file in the site's layout (`static/css/site.css`) and remembers to
    copy it; `take_new()` hands over each remembered asset once."""

    def __init__(self, media_swap: MediaSwap | None = None) -> None:
        self.media_swap = media_swap
        self._answers: dict[str, _Found | None] = {}
        self._pending: dict[PurePosixPath, Callable[[], bytes]] = {}
        self._taken: set[PurePosixPath] = set()

    def __call__(self, path: str) -> PurePosixPath | None:
        if path not in self._answers:
            self._answers[path] = self._find(path)
        found = self._answers[path]
        if found is None:
            return None
        if found.site_file not in self._taken:
            self._pending[found.site_file] = found.read
        return found.site_file

    def take_new(self) -> Iterator[tuple[PurePosixPath, bytes]]:
        """Each asset found since the last call, with its content, until none is left (a
        stylesheet being copied may find more: its fonts)."""
        while self._pending:
            site_file, read = self._pending.popitem()
            self._taken.add(site_file)
            yield site_file, read()

    def _find(self, path: str) -> _Found | None:
        site_file = relative_file(path)
        static, media = _folder(settings.STATIC_URL), _folder(settings.MEDIA_URL)
        if site_file.is_relative_to(static) and site_file != static:
            return _static(site_file, site_file.relative_to(static).as_posix())
        if site_file.is_relative_to(media) and site_file != media:
            name = site_file.relative_to(media).as_posix()
            swapped = self.media_swap(name) if self.media_swap else None
            if swapped is not None:
                return _media(media / swapped, swapped)
            return _media(site_file, name)
        return None


def _static(site_file: PurePosixPath, name: str) -> _Found | None:
    found = finders.find(name)
    if isinstance(found, str):
        return _Found(site_file, Path(found).read_bytes)
    if staticfiles_storage.exists(name):
        return _Found(site_file, lambda: _read_storage(staticfiles_storage, name))
    return None


def _media(site_file: PurePosixPath, name: str) -> _Found | None:
    if not default_storage.exists(name):
        return None
    return _Found(site_file, lambda: _read_storage(default_storage, name))


def _read_storage(storage: Storage, name: str) -> bytes:
    with storage.open(name, "rb") as file:
        return bytes(file.read())

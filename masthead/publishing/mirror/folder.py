"""The mirror's folder on disk and its manifest, SHA256SUMS.

The manifest lists the SHA-256 of every file in the `sha256sum` format, so whoever receives
a mirror can check it with `sha256sum -c SHA256SUMS`, and the next build knows what the
folder holds without reading it. Every file is written atomically (temporary name, then
rename) and the manifest last: a build that stops half way leaves whole files and the
previous manifest, never a torn one, and the next build puts everything right.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from masthead.publishing.store import write_atomically

MANIFEST = "SHA256SUMS"
TEMPORARY_PREFIX = ".tmp-"  # what store.write_atomically names its files before the rename


class MirrorError(Exception):
    """A mirror cannot be built as asked; the folder is left as it was."""


def sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def read_manifest(root: Path) -> dict[str, str] | None:
    """{relative path: hash} of the mirror in `root`, None when it holds no manifest."""
    try:
        text = (root / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    hashes = {}
    for line in text.splitlines():
        digest, separator, name = line.partition("  ")
        if separator and len(digest) == 64:
            hashes[name.removeprefix("*")] = digest
    return hashes


def manifest_text(hashes: Mapping[str, str]) -> bytes:
    return "".join(f"{hashes[name]}  {name}\n" for name in sorted(hashes)).encode("utf-8")


@dataclass
class FolderReport:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0

    @property
    def files(self) -> int:
        return self.added + self.changed + self.unchanged


class MirrorFolder:
    """Writes one build of a mirror into `root`.

    Incremental builds write only files whose content differs from the manifest (or that
    are missing); full builds rewrite every file. Both remove the files of the previous
    manifest that the new build no longer has.
    """

    def __init__(self, root: Path, *, incremental: bool) -> None:
        self.root = root
        self.incremental = incremental
        previous = read_manifest(root)
        if previous is None and root.exists() and any(root.iterdir()):
            raise MirrorError(
                f"{root} is not empty and holds no mirror ({MANIFEST} is missing): choose an"
                " empty or new folder, so that no file of yours is overwritten or removed."
            )
        self.previous = previous or {}
        self.hashes: dict[str, str] = {}
        self.report = FolderReport()
        self._remove_leftover_temporaries()

    def put(self, file: PurePosixPath, body: bytes) -> None:
        name = file.as_posix()
        if name == MANIFEST or name.startswith("/") or ".." in file.parts:
            raise MirrorError(f"refusing to write {name!r} in the mirror")
        if name in self.hashes:
            return  # the same file reached twice (one asset linked from many pages)
        digest = sha256(body)
        self.hashes[name] = digest
        path = self.root / name
        unchanged = self.previous.get(name) == digest and path.is_file()
        if unchanged:
            self.report.unchanged += 1
        elif name in self.previous:
            self.report.changed += 1
        else:
            self.report.added += 1
        if not unchanged or not self.incremental:
            write_atomically(path, body)

    def finish(self) -> FolderReport:
        """Remove what the site no longer has, then write the manifest."""
        for name in sorted(set(self.previous) - set(self.hashes)):
            path = self.root / name
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            self.report.removed += 1
            self._remove_empty_folders(path.parent)
        write_atomically(self.root / MANIFEST, manifest_text(self.hashes))
        return self.report

    def _remove_empty_folders(self, folder: Path) -> None:
        while folder != self.root and folder.is_relative_to(self.root):
            try:
                folder.rmdir()
            except OSError:  # not empty
                return
            folder = folder.parent

    def _remove_leftover_temporaries(self) -> None:
        """Temporary files of a build that was stopped before its renames."""
        if not self.root.exists():
            return
        for folder, _, files in os.walk(self.root):
            for name in files:
                if name.startswith(TEMPORARY_PREFIX):
                    with contextlib.suppress(FileNotFoundError):
                        Path(folder, name).unlink()

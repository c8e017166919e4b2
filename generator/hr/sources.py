"""Walk the submissions folder and the ``.zip`` archives in it without trusting either.

Nothing is ever extracted to disk: archive members are read into memory, each bounded by
:class:`Limits`, so a ``../`` entry cannot write anywhere and a zip bomb cannot fill memory.
Every file found — readable or not — comes out as one :class:`Found`, so nothing is dropped.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .buckets import Limits, MiB, Reason, Rejected

SEPARATOR = " › "
"""Joins an archive's name and the member's name in a file's displayed source."""

_SYSTEM_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class Found:
    """One input file: where it is, its size, and its bytes, where to read them, or why they are not read."""

    parts: tuple[str, ...]
    """Path under the submissions folder (``/``-separated), then the member name inside each enclosing archive."""
    size: int | None
    data: bytes | None = None
    """The bytes of an archive member, unpacked while the archive was open."""
    path: str | None = None
    """A plain file on disk, read by whoever parses it (a worker process, for a big class)."""
    rejected: Rejected | None = None

    @property
    def source(self) -> str:
        return SEPARATOR.join(self.parts)

    def content(self, limits: Limits) -> bytes:
        """The file's bytes; raises :class:`Rejected` if it cannot or must not be read."""
        if self.rejected is not None:
            raise self.rejected
        if self.data is not None:
            return self.data
        assert self.path is not None
        return read_file(self.path, limits)


def walk(folder: Path, limits: Limits) -> Iterator[Found]:
    """Every file under ``folder`` and inside its archives, in a stable order: by name, a folder's files first."""
    yield from _folder(str(folder), "", limits)


def _folder(path: str, rel: str, limits: Limits) -> Iterator[Found]:
    try:
        with os.scandir(path) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        yield Found((rel or os.path.basename(path),), None, rejected=Rejected(Reason.UNREADABLE, f"文件夹无法读取：{exc.strerror}"))
        return
    folders = []
    for entry in entries:
        entry_rel = f"{rel}/{entry.name}" if rel else entry.name
        if entry.is_dir(follow_symlinks=False):
            folders.append((entry.path, entry_rel))
        elif entry.is_symlink() and entry.is_dir():
            yield Found((entry_rel,), None, rejected=Rejected(Reason.UNREADABLE, "指向文件夹的链接，未读取"))
        else:
            yield from _file(entry, entry_rel, limits)
    for folder_path, folder_rel in folders:
        yield from _folder(folder_path, folder_rel, limits)


def _file(entry: os.DirEntry[str], rel: str, limits: Limits) -> Iterator[Found]:
    parts = (rel,)
    size: int | None = None
    try:
        info = _stat(entry)
        size = info.st_size
        if not stat.S_ISREG(info.st_mode):
            raise Rejected(Reason.UNREADABLE, "不是普通文件")
        if _is_system_file(parts):
            raise Rejected(Reason.SYSTEM_FILE)
        if entry.name.lower().endswith(".zip"):
            archive = _open_archive(entry.path)
        elif size > limits.max_file_bytes:
            raise Rejected(Reason.OVERSIZED, _too_big(size, limits.max_file_bytes))
        else:
            yield Found(parts, size, path=entry.path)
            return
    except Rejected as rejected:
        yield Found(parts, size, rejected=rejected)
        return
    with archive:
        yield from _archive(archive, parts, size, 1, _Budget(limits.max_archive_bytes), limits)


def _stat(entry: os.DirEntry[str]) -> os.stat_result:
    try:
        return entry.stat()
    except OSError as exc:  # a dangling link, or no permission
        raise Rejected(Reason.UNREADABLE, exc.strerror or str(exc)) from exc


def read_file(path: str, limits: Limits) -> bytes:
    """A plain file's bytes, never more than the limit (it may have grown since it was listed)."""
    try:
        with open(path, "rb") as fp:
            data = fp.read(limits.max_file_bytes + 1)
    except OSError as exc:
        raise Rejected(Reason.UNREADABLE, exc.strerror or str(exc)) from exc
    if len(data) > limits.max_file_bytes:
        raise Rejected(Reason.OVERSIZED, _too_big(len(data), limits.max_file_bytes))
    return data


def _open_archive(source: str | io.BytesIO) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise Rejected(Reason.BAD_ARCHIVE, f"不是完好的 zip 文件（{exc}）") from exc


class _Budget:
    """Bytes one top-level archive may still unpack, nested archives included."""

    def __init__(self, left: int) -> None:
        self.left = left
        self.limit = left

    def spend(self, amount: int) -> None:
        if amount > self.left:
            raise Rejected(Reason.ZIP_BOMB, f"解压后超过 {_mb(self.limit)}")
        self.left -= amount


def _archive(
    archive: zipfile.ZipFile, parts: tuple[str, ...], archive_size: int, depth: int, budget: _Budget, limits: Limits
) -> Iterator[Found]:
    members = [m for m in archive.infolist() if not m.is_dir()]
    try:
        _check_archive(members, archive_size, budget, limits)
    except Rejected as rejected:
        yield Found(parts, archive_size, rejected=rejected)
        return
    for member in members:
        member_parts = (*parts, _member_name(member))
        try:
            nested = _member(archive, member, member_parts, depth, budget, limits)
        except Rejected as rejected:
            yield Found(member_parts, member.file_size, rejected=rejected)
            continue
        if isinstance(nested, Found):
            yield nested
        else:
            with nested:
                yield from _archive(nested, member_parts, member.file_size, depth + 1, budget, limits)


def _check_archive(members: list[zipfile.ZipInfo], archive_size: int, budget: _Budget, limits: Limits) -> None:
    """Whole-archive checks, made on the declared sizes before a single byte is unpacked."""
    if not members:
        raise Rejected(Reason.BAD_ARCHIVE, "压缩包是空的")
    if len(members) > limits.max_archive_entries:
        raise Rejected(Reason.BAD_ARCHIVE, f"含 {len(members)} 个文件，上限 {limits.max_archive_entries}")
    declared = sum(m.file_size for m in members)
    if declared > budget.left:
        raise Rejected(Reason.ZIP_BOMB, f"声明解压后 {_mb(declared)}，上限 {_mb(budget.limit)}")
    if declared > limits.ratio_floor_bytes and declared > limits.max_ratio * max(archive_size, 1):
        raise Rejected(Reason.ZIP_BOMB, f"压缩比 {declared // max(archive_size, 1)}:1")


def _member(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, parts: tuple[str, ...], depth: int, budget: _Budget, limits: Limits
) -> Found | zipfile.ZipFile:
    """The member's bytes as a :class:`Found`, or the opened archive when the member is itself a zip."""
    if _unsafe(member.filename):
        raise Rejected(Reason.UNSAFE_PATH, "路径指向压缩包之外（../ 或绝对路径），未读取")
    if _is_system_file(parts):
        raise Rejected(Reason.SYSTEM_FILE)
    if member.flag_bits & 0x1:
        raise Rejected(Reason.BAD_ARCHIVE, "文件已加密")
    if member.file_size > limits.ratio_floor_bytes and member.file_size > limits.max_ratio * max(member.compress_size, 1):
        raise Rejected(Reason.ZIP_BOMB, f"压缩比 {member.file_size // max(member.compress_size, 1)}:1")
    if PurePosixPath(parts[-1]).suffix.lower() == ".zip":
        if depth >= limits.max_archive_depth:
            raise Rejected(Reason.BAD_ARCHIVE, f"压缩包嵌套超过 {limits.max_archive_depth} 层")
        data = _read_member(archive, member, limits.max_nested_archive_bytes, budget)
        return _open_archive(io.BytesIO(data))
    return Found(parts, member.file_size, data=_read_member(archive, member, limits.max_file_bytes, budget))


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limit: int, budget: _Budget) -> bytes:
    if member.file_size > limit:
        raise Rejected(Reason.OVERSIZED, _too_big(member.file_size, limit))
    try:
        with archive.open(member) as fp:
            data = fp.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, OSError, EOFError) as exc:
        raise Rejected(Reason.BAD_ARCHIVE, f"文件已损坏（{exc}）") from exc
    if len(data) > limit:
        raise Rejected(Reason.OVERSIZED, _too_big(len(data), limit))
    budget.spend(len(data))
    return data


def _member_name(member: zipfile.ZipInfo) -> str:
    """The member's name as its author saw it: Chinese Windows writes GBK names without the UTF-8 flag."""
    if member.flag_bits & 0x800:
        return member.filename
    try:
        return member.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return member.filename


def _unsafe(name: str) -> bool:
    path = name.replace("\\", "/")
    return path.startswith("/") or bool(_DRIVE.match(path)) or ".." in path.split("/") or "\x00" in path


def _is_system_file(parts: tuple[str, ...]) -> bool:
    """Files that zip tools and file managers add beside the real ones (``__MACOSX``, ``Thumbs.db``, Office locks)."""
    path = "/".join(parts).replace("\\", "/")
    name = path.rstrip("/").rsplit("/", 1)[-1]
    return name.lower() in _SYSTEM_NAMES or name.startswith(("._", "~$")) or "__MACOSX/" in path


def _too_big(size: int, limit: int) -> str:
    return f"{_mb(size)}，上限 {_mb(limit)}"


def _mb(size: int) -> str:
    return f"{size / MiB:.1f} MB" if size >= MiB else f"{size / 1024:.0f} KB"

"""Walk the submissions folder, the ``.zip`` archives and the mail exports in it without trusting any of them.

Nothing is ever extracted to disk: archive members and mail attachments are read into memory, each
bounded by :class:`Limits`, so a ``../`` entry cannot write anywhere and a zip bomb cannot fill memory.
Every file found — readable or not — comes out as one :class:`Found`, so nothing is dropped; a mail
with nothing attached comes out as one too. A file that came by mail carries the mail's
:class:`.timing.Channel`: its clock and sender.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from ..messages import say
from .buckets import Limits, MiB, Reason, Rejected, unexpected
from .mail import Letter, is_mail, is_mbox, read_eml, split_mbox
from .timing import Channel

SEPARATOR = " › "
"""Joins an archive's name and the member's name in a file's displayed source."""

_SYSTEM_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}
_DRIVE = re.compile(r"^[A-Za-z]:")
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NO_WAIT = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
"""``os.open`` flags that exist only on some systems (0 where they do not)."""


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
    channel: Channel | None = None
    """How the file reached HR, when it came inside a mail."""

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


def walk_all(folders: Sequence[Path], limits: Limits, *, labelled: bool = False) -> Iterator[Found]:
    """Every file under each folder, folder after folder, each once: a folder given twice (however written), or
    inside another one given, is not walked again.

    With several folders (a shared folder and the form service's inbox), or ``labelled`` (another source, an LRS,
    is read beside them), each file's source starts with its folder as given, so ``共享/a.json`` and ``收件箱/a.json``
    stay apart; with one folder alone, sources are as :func:`walk` gives them.
    """
    distinct: dict[Path, Path] = {}
    for folder in folders:
        distinct.setdefault(folder.resolve(), folder)
    walked = [folder for real, folder in distinct.items() if not any(real != other and real.is_relative_to(other) for other in distinct)]
    for folder in walked:
        yield from walk(folder, limits, display_name(folder.as_posix()) if labelled or len(walked) > 1 else "")


def walk(folder: Path, limits: Limits, label: str = "") -> Iterator[Found]:
    """Every file under ``folder`` and inside its archives, in a stable order: by name, a folder's files first;
    ``label`` (if any) starts every source, standing for ``folder`` itself.

    Folders wait on a stack rather than in recursive calls, so a tree nested thousands of levels deep
    (an archive unpacked by hand can make one) costs no Python stack.
    """
    pending = [(str(folder), label)]
    while pending:
        path, rel = pending.pop()
        folders = yield from _folder(path, rel, limits)
        pending += reversed(folders)


def _folder(path: str, rel: str, limits: Limits) -> Generator[Found, None, list[tuple[str, str]]]:
    """The files of one folder; returns its sub-folders (path, displayed path), in name order."""
    try:
        with os.scandir(path) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        yield Found((rel or display_name(os.path.basename(path)),), None, rejected=Rejected(Reason.UNREADABLE, say("hr.rejected.folder", reason=exc.strerror)))
        return []
    folders = []
    for entry in entries:
        name = display_name(entry.name)
        entry_rel = f"{rel}/{name}" if rel else name
        try:
            if entry.is_symlink():
                yield Found((entry_rel,), None, rejected=_link(entry.path))
            elif entry.is_dir(follow_symlinks=False):
                folders.append((entry.path, entry_rel))
            else:
                yield from _file(entry, entry_rel, limits)
        except Exception as exc:  # noqa: BLE001 - whatever a file holds, it is listed and the walk goes on
            yield Found((entry_rel,), None, rejected=unexpected(exc))
    return folders


def display_name(name: str) -> str:
    """A file name as its author saw it, and one every output can encode.

    A name that is not UTF-8 on disk (a GBK archive unpacked on Linux) comes from the file system with
    its bytes smuggled in as lone surrogates, which UTF-8 cannot write: such a name is shown decoded as
    GB18030, as Chinese Windows wrote it, or with U+FFFD for bytes that are not GB18030 either.
    The file itself is still opened by its real name.
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(name)
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError:
            return raw.decode("utf-8", "replace")
    return name


def _link(path: str) -> Rejected:
    """A symbolic link is never followed (it may point outside the inbox, at itself, or at a device): it is only named."""
    try:
        target = say("hr.rejected.link_target", target=display_name(os.readlink(path)))
    except OSError:
        target = ""
    return Rejected(Reason.LINK, say("hr.rejected.link", target=target))


def _file(entry: os.DirEntry[str], rel: str, limits: Limits) -> Iterator[Found]:
    parts = (rel,)
    size: int | None = None
    try:
        info = _stat(entry)
        size = info.st_size
        if not stat.S_ISREG(info.st_mode):
            raise Rejected(Reason.UNREADABLE, say("hr.rejected.not_regular"))
        if _is_system_file(parts):
            raise Rejected(Reason.SYSTEM_FILE)
        if entry.name.lower().endswith(".zip"):
            archive = _open_archive(entry.path)
        elif is_mail(entry.name):
            yield from _mail_file(entry.path, entry.name, parts, size, limits)
            return
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
        return entry.stat(follow_symlinks=False)
    except OSError as exc:  # no permission, or gone since it was listed
        raise Rejected(Reason.UNREADABLE, exc.strerror or str(exc)) from exc


def read_file(path: str, limits: Limits, limit: int | None = None) -> bytes:
    """A plain file's bytes, never more than ``limit`` (the submission limit unless given): it may have grown since it was listed."""
    limit = limits.max_file_bytes if limit is None else limit
    with open_file(path) as fp:
        try:
            data = fp.read(limit + 1)
        except OSError as exc:
            raise Rejected(Reason.UNREADABLE, exc.strerror or str(exc)) from exc
    if len(data) > limit:
        raise Rejected(Reason.OVERSIZED, _too_big(len(data), limit))
    return data


def open_file(path: str) -> io.BufferedReader:
    """A plain file, opened to read.

    Opened without following a link and without waiting, then checked again: a file swapped for a
    link, a pipe or a device since it was listed is turned away, never followed or waited on.
    """
    try:
        fd = os.open(path, os.O_RDONLY | _NO_FOLLOW | _NO_WAIT | _BINARY)
    except OSError as exc:
        raise Rejected(Reason.UNREADABLE, exc.strerror or str(exc)) from exc
    fp = open(fd, "rb")
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise Rejected(Reason.UNREADABLE, say("hr.rejected.not_regular"))
    except BaseException:
        fp.close()
        raise
    return fp


def _mail_file(path: str, name: str, parts: tuple[str, ...], size: int, limits: Limits) -> Iterator[Found]:
    """The attachments of a mail export on disk: an mbox read message by message, any other mail whole."""
    if not is_mbox(name):
        try:
            if size > limits.max_mail_bytes:
                raise Rejected(Reason.OVERSIZED, _too_big(size, limits.max_mail_bytes))
            data = read_file(path, limits, limits.max_mail_bytes)
        except Rejected as rejected:
            yield Found(parts, size, rejected=rejected)
            return
        yield from _mail(name, data, parts, 0, limits)
        return
    try:
        if size > limits.max_mbox_bytes:
            raise Rejected(Reason.OVERSIZED, _too_big(size, limits.max_mbox_bytes))
        fp = open_file(path)
    except Rejected as rejected:
        yield Found(parts, size, rejected=rejected)
        return
    with fp:
        yield from _mbox(fp, parts, size, 0, limits)


def _mbox(fp: BinaryIO, parts: tuple[str, ...], size: int, depth: int, limits: Limits) -> Iterator[Found]:
    """Each message of an mbox, named 第N封 after the mail folder's name."""
    try:
        for number, message in enumerate(split_mbox(fp, limits), start=1):
            message_parts = (*parts, say("hr.source.mbox_message", n=number))
            if isinstance(message, Rejected):
                yield Found(message_parts, None, rejected=message)
                continue
            try:
                yield from _letter(read_eml(message, limits), message_parts, len(message), depth, limits)
            except Rejected as rejected:
                yield Found(message_parts, len(message), rejected=rejected)
            except Exception as exc:  # noqa: BLE001 - one odd message is listed; the folder's others still read
                yield Found(message_parts, len(message), rejected=unexpected(exc))
    except Rejected as rejected:
        yield Found(parts, size, rejected=rejected)
    except OSError as exc:
        yield Found(parts, size, rejected=Rejected(Reason.UNREADABLE, exc.strerror or str(exc)))


def _mail(name: str, data: bytes, parts: tuple[str, ...], depth: int, limits: Limits) -> Iterator[Found]:
    """The attachments of a mail export held in memory (a file read whole, or an archive member)."""
    if is_mbox(name):
        yield from _mbox(io.BytesIO(data), parts, len(data), depth, limits)
        return
    try:
        if name.lower().endswith(".msg"):
            from .outlook import read_msg  # the library loads only when there is an Outlook file

            letter = read_msg(data, limits)
        else:
            letter = read_eml(data, limits)
    except Rejected as rejected:
        yield Found(parts, len(data), rejected=rejected)
        return
    yield from _letter(letter, parts, len(data), depth, limits)


def _letter(letter: Letter, parts: tuple[str, ...], size: int, depth: int, limits: Limits) -> Iterator[Found]:
    """Each attachment of one mail as a :class:`Found` carrying the mail's channel; a zip attached is opened."""
    channel = letter.channel
    if not letter.attachments:
        subject = say("hr.rejected.subject", subject=letter.subject) if letter.subject else say("hr.rejected.no_subject")
        yield Found(parts, size, rejected=Rejected(Reason.NO_ATTACHMENT, say("hr.rejected.no_attachment", subject=subject)), channel=channel)
        return
    for attachment in letter.attachments:
        member_parts = (*parts, *attachment.parts)
        data = attachment.data
        try:
            if attachment.rejected is not None:
                raise attachment.rejected
            if _is_system_file(member_parts):
                raise Rejected(Reason.SYSTEM_FILE)
            if member_parts[-1].lower().endswith(".zip"):
                if depth >= limits.max_archive_depth:
                    raise Rejected(Reason.BAD_ARCHIVE, say("hr.rejected.archive_deep", limit=limits.max_archive_depth))
                if len(data) > limits.max_nested_archive_bytes:
                    raise Rejected(Reason.OVERSIZED, _too_big(len(data), limits.max_nested_archive_bytes))
                with _open_archive(io.BytesIO(data)) as archive:
                    budget = _Budget(limits.max_archive_bytes)
                    yield from _archive(archive, member_parts, len(data), depth + 1, budget, limits, channel)
                continue
            if len(data) > limits.max_file_bytes:
                raise Rejected(Reason.OVERSIZED, _too_big(len(data), limits.max_file_bytes))
            yield Found(member_parts, len(data), data=data, channel=channel)
        except Rejected as rejected:
            yield Found(member_parts, len(data), rejected=rejected, channel=channel)
        except Exception as exc:  # noqa: BLE001 - a crafted attachment no check foresaw is listed; the mail's others still read
            yield Found(member_parts, len(data), rejected=unexpected(exc), channel=channel)


def _open_archive(source: str | io.BytesIO) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise Rejected(Reason.BAD_ARCHIVE, say("hr.rejected.bad_zip", reason=exc)) from exc


class _Budget:
    """Bytes one top-level archive may still unpack, nested archives included."""

    def __init__(self, left: int) -> None:
        self.left = left
        self.limit = left

    def spend(self, amount: int) -> None:
        if amount > self.left:
            raise Rejected(Reason.ZIP_BOMB, say("hr.rejected.unpacked", limit=_mb(self.limit)))
        self.left -= amount


def _archive(
    archive: zipfile.ZipFile,
    parts: tuple[str, ...],
    archive_size: int,
    depth: int,
    budget: _Budget,
    limits: Limits,
    channel: Channel | None = None,
) -> Iterator[Found]:
    """Every member of an archive; ``channel`` is the mail's when the archive came attached to one.

    A mail export packed in an archive (HR zipping a day's mails) is read as a mail, and carries its own channel.
    """
    members = [m for m in archive.infolist() if not m.is_dir()]
    try:
        _check_archive(members, archive_size, budget, limits)
    except Rejected as rejected:
        yield Found(parts, archive_size, rejected=rejected, channel=channel)
        return
    for member in members:
        member_parts = (*parts, _member_name(member))
        try:
            nested = _member(archive, member, member_parts, depth, budget, limits)
            if isinstance(nested, Found):
                if channel is None and is_mail(member_parts[-1]) and nested.data is not None:
                    yield from _mail(member_parts[-1], nested.data, member_parts, depth, limits)
                else:
                    yield Found(nested.parts, nested.size, data=nested.data, channel=channel)
            else:
                with nested:
                    yield from _archive(nested, member_parts, member.file_size, depth + 1, budget, limits, channel)
        except Rejected as rejected:
            yield Found(member_parts, member.file_size, rejected=rejected, channel=channel)
        except Exception as exc:  # noqa: BLE001 - a crafted entry no check foresaw is listed, and the other entries still read
            yield Found(member_parts, member.file_size, rejected=unexpected(exc), channel=channel)


def _check_archive(members: list[zipfile.ZipInfo], archive_size: int, budget: _Budget, limits: Limits) -> None:
    """Whole-archive checks, made on the declared sizes before a single byte is unpacked."""
    if not members:
        raise Rejected(Reason.BAD_ARCHIVE, say("hr.rejected.empty_archive"))
    if len(members) > limits.max_archive_entries:
        raise Rejected(Reason.BAD_ARCHIVE, say("hr.rejected.entries", n=len(members), limit=limits.max_archive_entries))
    declared = sum(m.file_size for m in members)
    if declared > budget.left:
        raise Rejected(Reason.ZIP_BOMB, say("hr.rejected.declared", size=_mb(declared), limit=_mb(budget.limit)))
    if declared > limits.ratio_floor_bytes and declared > limits.max_ratio * max(archive_size, 1):
        raise Rejected(Reason.ZIP_BOMB, say("hr.rejected.ratio", ratio=declared // max(archive_size, 1)))


def _member(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, parts: tuple[str, ...], depth: int, budget: _Budget, limits: Limits
) -> Found | zipfile.ZipFile:
    """The member's bytes as a :class:`Found`, or the opened archive when the member is itself a zip."""
    if _unsafe(member.filename):
        raise Rejected(Reason.UNSAFE_PATH, say("hr.rejected.unsafe"))
    if _is_system_file(parts):
        raise Rejected(Reason.SYSTEM_FILE)
    if stat.S_ISLNK(member.external_attr >> 16):
        raise Rejected(Reason.LINK, say("hr.rejected.zip_link"))
    if member.flag_bits & 0x1:
        raise Rejected(Reason.BAD_ARCHIVE, say("hr.rejected.encrypted"))
    if member.file_size > limits.ratio_floor_bytes and member.file_size > limits.max_ratio * max(member.compress_size, 1):
        raise Rejected(Reason.ZIP_BOMB, say("hr.rejected.ratio", ratio=member.file_size // max(member.compress_size, 1)))
    if PurePosixPath(parts[-1]).suffix.lower() == ".zip":
        if depth >= limits.max_archive_depth:
            raise Rejected(Reason.BAD_ARCHIVE, say("hr.rejected.archive_deep", limit=limits.max_archive_depth))
        data = _read_member(archive, member, limits.max_nested_archive_bytes, budget)
        return _open_archive(io.BytesIO(data))
    limit = limits.max_mail_bytes if is_mail(parts[-1]) else limits.max_file_bytes
    return Found(parts, member.file_size, data=_read_member(archive, member, limit, budget))


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limit: int, budget: _Budget) -> bytes:
    if member.file_size > limit:
        raise Rejected(Reason.OVERSIZED, _too_big(member.file_size, limit))
    try:
        with archive.open(member) as fp:
            data = fp.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, OSError, EOFError) as exc:
        raise Rejected(Reason.BAD_ARCHIVE, say("hr.rejected.damaged", reason=exc)) from exc
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
    return say("hr.rejected.too_big", size=_mb(size), limit=_mb(limit))


def _mb(size: int) -> str:
    return f"{size / MiB:.1f} MB" if size >= MiB else f"{size / 1024:.0f} KB"

"""Archives and folders as trainees and mail clients make them, and as attackers make them."""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
from pathlib import Path

import pytest

from coursegen.hr.buckets import Limits, Reason, Rejected
from coursegen.hr import sources
from coursegen.hr.sources import Found, walk

SMALL = Limits(max_file_bytes=100_000, max_archive_entries=5, max_archive_bytes=500_000, max_ratio=10,
               ratio_floor_bytes=1_000, max_nested_archive_bytes=200_000, max_archive_depth=2)


def zip_bytes(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def found(folder: Path, limits: Limits = SMALL) -> dict[str, Found]:
    result = {f.source: f for f in walk(folder, limits)}
    return result


def reasons(folder: Path, limits: Limits = SMALL) -> dict[str, Reason | None]:
    return {source: f.rejected.reason if f.rejected else None for source, f in found(folder, limits).items()}


def test_nested_archives_are_read_to_their_depth_limit(tmp_path: Path) -> None:
    inner = zip_bytes({"a.json": b"{}"})
    (tmp_path / "outer.zip").write_bytes(zip_bytes({"inner.zip": inner, "b.json": b"[]", "deeper.zip": zip_bytes({"x.zip": inner})}))
    assert reasons(tmp_path) == {
        "outer.zip › inner.zip › a.json": None,
        "outer.zip › deeper.zip › x.zip": Reason.BAD_ARCHIVE,
        "outer.zip › b.json": None,
    }
    assert found(tmp_path)["outer.zip › inner.zip › a.json"].data == b"{}"


def test_path_traversal_entries_are_rejected_and_nothing_is_extracted(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "evil.zip").write_bytes(zip_bytes({"../../pwned.json": b"{}", "/etc/pwned.json": b"{}", "C:/pwned.json": b"{}", "..\\pwned2.json": b"{}", "ok/../../x.json": b"{}", "fine.json": b"{}"}))
    got = reasons(inbox, Limits())
    assert [s for s, r in got.items() if r is Reason.UNSAFE_PATH] == [
        "evil.zip › ../../pwned.json", "evil.zip › /etc/pwned.json", "evil.zip › C:/pwned.json", "evil.zip › ..\\pwned2.json", "evil.zip › ok/../../x.json",
    ]
    assert got["evil.zip › fine.json"] is None
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["evil.zip", "inbox"]


def test_a_bomb_member_is_rejected_beside_ordinary_ones(tmp_path: Path) -> None:
    noise = random.Random(1).randbytes(50_000)
    (tmp_path / "mixed.zip").write_bytes(zip_bytes({"bomb.json": b"0" * 50_000, "noise.bin": noise}))
    got = found(tmp_path)
    assert got["mixed.zip › bomb.json"].rejected.reason is Reason.ZIP_BOMB  # type: ignore[union-attr]
    assert got["mixed.zip › noise.bin"].data == noise


def test_archive_declaring_more_than_the_budget_is_rejected_whole(tmp_path: Path) -> None:
    noise = random.Random(2).randbytes(110_000)
    (tmp_path / "big.zip").write_bytes(zip_bytes({f"{i}.bin": noise for i in range(5)}, zipfile.ZIP_STORED))
    (tmp_path / "many.zip").write_bytes(zip_bytes({f"{i}.json": b"{}" for i in range(6)}))
    got = found(tmp_path)
    assert set(got) == {"big.zip", "many.zip"}
    assert (got["big.zip"].rejected.reason, got["big.zip"].rejected.detail) == (Reason.ZIP_BOMB, "声明解压后 537 KB，上限 488 KB")  # type: ignore[union-attr]
    assert (got["many.zip"].rejected.reason, got["many.zip"].rejected.detail) == (Reason.BAD_ARCHIVE, "含 6 个文件，上限 5")  # type: ignore[union-attr]


def test_damaged_empty_and_encrypted_archives(tmp_path: Path) -> None:
    (tmp_path / "fake.zip").write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "empty.zip").write_bytes(zip_bytes({}))
    stored = bytearray(zip_bytes({"a.json": b'{"x": 1}'}, zipfile.ZIP_STORED))
    stored[stored.index(b'{"x": 1}')] = ord("[")  # the CRC no longer matches
    (tmp_path / "crc.zip").write_bytes(bytes(stored))
    locked = bytearray(zip_bytes({"a.json": b"{}"}))
    central = locked.index(b"PK\x01\x02")
    locked[central + 8] |= 0x1  # the encrypted flag, as a password-protected archive has it
    (tmp_path / "locked.zip").write_bytes(bytes(locked))
    got = found(tmp_path)
    assert {s: (f.rejected.reason, f.rejected.detail.split("（")[0]) for s, f in got.items() if f.rejected} == {
        "fake.zip": (Reason.BAD_ARCHIVE, "不是完好的 zip 文件"),
        "empty.zip": (Reason.BAD_ARCHIVE, "压缩包是空的"),
        "crc.zip › a.json": (Reason.BAD_ARCHIVE, "文件已损坏"),
        "locked.zip › a.json": (Reason.BAD_ARCHIVE, "文件已加密"),
    }


def test_gbk_member_names_from_chinese_windows_are_shown_as_written(tmp_path: Path) -> None:
    data = zip_bytes({"abcd.json": b"{}"})
    (tmp_path / "win.zip").write_bytes(data.replace(b"abcd.json", "张三.json".encode("gbk")))
    assert list(found(tmp_path)) == ["win.zip › 张三.json"]


def test_oversized_files_are_not_read(tmp_path: Path) -> None:
    with (tmp_path / "huge.json").open("wb") as fp:
        fp.truncate(SMALL.max_file_bytes + 1)
    (tmp_path / "a.zip").write_bytes(zip_bytes({"big.json": random.Random(3).randbytes(SMALL.max_file_bytes + 1)}, zipfile.ZIP_STORED))
    got = found(tmp_path)
    assert got["huge.json"].rejected.reason is Reason.OVERSIZED and got["huge.json"].data is None  # type: ignore[union-attr]
    assert got["a.zip › big.json"].rejected.reason is Reason.OVERSIZED  # type: ignore[union-attr]


def test_system_files_links_and_unreadable_things_are_listed_not_dropped(tmp_path: Path) -> None:
    (tmp_path / "Thumbs.db").write_bytes(b"x")
    (tmp_path / "~$名单.xlsx").write_bytes(b"x")
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.json").write_bytes(b"{}")
    os.symlink(tmp_path / "real", tmp_path / "link-to-folder")
    os.symlink(tmp_path / "gone.json", tmp_path / "dangling.json")
    os.symlink(tmp_path / "real" / "a.json", tmp_path / "link-to-file.json")  # never followed, though the file is fine
    os.symlink("loop.json", tmp_path / "loop.json")
    assert reasons(tmp_path) == {
        "link-to-folder": Reason.LINK,
        "link-to-file.json": Reason.LINK,
        "loop.json": Reason.LINK,
        "Thumbs.db": Reason.SYSTEM_FILE,
        "dangling.json": Reason.LINK,
        "~$名单.xlsx": Reason.SYSTEM_FILE,
        "real/a.json": None,
    }


def test_an_unreadable_folder_is_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.json").write_bytes(b"{}")
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> object:  # root reads every folder, so refuse like a locked one
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    got = found(tmp_path)
    assert list(got) == ["locked"]
    assert (got["locked"].rejected.reason, got["locked"].rejected.detail) == (Reason.UNREADABLE, "文件夹无法读取：Permission denied")  # type: ignore[union-attr]


def test_a_plain_file_is_read_when_parsed_and_never_beyond_the_limit(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(b"{}")
    item = found(tmp_path)["a.json"]
    assert (item.data, item.content(SMALL)) == (None, b"{}")
    (tmp_path / "a.json").write_bytes(b" " * (SMALL.max_file_bytes + 1))  # it grew after it was listed
    with pytest.raises(Rejected) as error:
        item.content(SMALL)
    assert error.value.reason is Reason.OVERSIZED


def test_a_link_to_a_file_is_not_read_even_if_swapped_in_after_listing(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(b"{}")
    (tmp_path / "secret").write_bytes(b"not for HR")
    item = found(tmp_path)["a.json"]
    (tmp_path / "a.json").unlink()
    os.symlink(tmp_path / "secret", tmp_path / "a.json")
    with pytest.raises(Rejected) as error:
        item.content(SMALL)
    assert error.value.reason is Reason.UNREADABLE


def test_a_symbolic_link_inside_an_archive_is_not_read(tmp_path: Path) -> None:
    link = zipfile.ZipInfo("link.json")
    link.external_attr = 0o120777 << 16
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as zf:
        zf.writestr(link, "/etc/passwd")
        zf.writestr("b.json", b"{}")
    assert reasons(tmp_path) == {"a.zip › link.json": Reason.LINK, "a.zip › b.json": None}


def test_names_that_are_not_utf8_on_disk_are_shown_as_gbk_and_still_read(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path) + b"/" + "作业".encode("gbk")
    os.mkdir(folder)
    with open(folder + b"/" + "张三.json".encode("gbk"), "wb") as fp:
        fp.write(b"{}")
    with open(os.fsencode(tmp_path) + b"/\xff.json", "wb") as fp:
        fp.write(b"[]")
    got = found(tmp_path)
    assert sorted(got) == ["作业/张三.json", "\ufffd.json"]
    assert got["作业/张三.json"].content(SMALL) == b"{}"
    assert got["\ufffd.json"].content(SMALL) == b"[]"


def test_a_folder_tree_deeper_than_the_recursion_limit_is_walked(tmp_path: Path) -> None:
    bottom = str(tmp_path)
    for _ in range(1_200):
        bottom += "/d"
        os.mkdir(bottom)
    with open(bottom + "/a.json", "wb") as fp:
        fp.write(b"{}")
    try:
        assert reasons(tmp_path) == {"/".join(["d"] * 1_200) + "/a.json": None}
    finally:  # bottom up: shutil.rmtree recurses too
        os.remove(bottom + "/a.json")
        while bottom != str(tmp_path):
            os.rmdir(bottom)
            bottom = os.path.dirname(bottom)


def test_an_entry_no_check_foresaw_is_listed_and_the_rest_still_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.zip").write_bytes(zip_bytes({"odd.json": b"{}", "fine.json": b"[]"}))
    (tmp_path / "b.json").write_bytes(b"{}")
    real = sources._member

    def member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, *args: object) -> object:
        if info.filename == "odd.json":
            raise struct.error("unpack requires a buffer of 4 bytes")
        return real(archive, info, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(sources, "_member", member)
    got = found(tmp_path)
    assert {source: f.rejected.reason if f.rejected else None for source, f in got.items()} == {
        "a.zip › odd.json": Reason.ERROR, "a.zip › fine.json": None, "b.json": None,
    }
    assert got["a.zip › odd.json"].rejected.detail == "error: unpack requires a buffer of 4 bytes"  # type: ignore[union-attr]

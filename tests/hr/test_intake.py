"""Every file of the 200-trainee scenario lands in exactly the bucket it should, with the right reason."""

from __future__ import annotations

from collections import Counter

from coursegen.hr import Bucket, Reason

from .conftest import SCRIPT, Built


def test_every_input_file_is_accounted_for_exactly_once(built: Built) -> None:
    sources = [e.source for e in built.report.files]
    assert len(sources) == len(set(sources))
    assert set(sources) == set(built.scenario.expected)


def test_each_file_lands_in_its_bucket_with_its_reason(built: Built) -> None:
    got = {e.source: (e.bucket, e.reason) for e in built.report.files}
    wrong = {s: (got[s], want) for s, want in built.scenario.expected.items() if got[s] != want}
    assert not wrong


def test_bucket_counts_are_exact(built: Built) -> None:
    # 170 lunch + 10 resent + 100 reviews + 120 surveys accepted; 10 first versions + 1 copy superseded
    assert built.report.buckets == {Bucket.ACCEPTED: 390, Bucket.SUPERSEDED: 11, Bucket.REJECTED: 17}
    reasons = Counter(e.reason for e in built.report.files if e.reason)
    assert reasons == {
        Reason.NOT_JSON: 4, Reason.SYSTEM_FILE: 2, Reason.UNSAFE_PATH: 1, Reason.ZIP_BOMB: 1, Reason.OVERSIZED: 1,
        Reason.TOO_DEEP: 1, Reason.CHECKSUM: 1, Reason.INVALID: 1, Reason.WRONG_VERSION: 1, Reason.NOT_SUBMISSION: 1,
        Reason.UNKNOWN_COURSE: 1, Reason.UNKNOWN_HOMEWORK: 1, Reason.NOT_ON_ROSTER: 1,
    }


def test_rejections_say_what_was_wrong(built: Built) -> None:
    detail = {e.source: e.detail for e in built.report.files}
    assert detail["拒收/huge.json"] == "50.0 MB，上限 2.0 MB"
    assert detail["拒收/deep.json"] == "嵌套 100000 层，上限 32 层"
    assert detail["拒收/version3.json"] == "版本 3，本工具读取版本 1、2"
    assert detail["拒收/no-trainee.json"] == "没有写提交人（trainee）：格式版本 1 的文件要写明姓名、工号和部门，请学员在课程网站上重新导出"
    assert detail["拒收/other-course.json"] == "文件属于课程「another-course」，本报告的课程是「hr-test-course」"
    assert detail["拒收/broken.json"].startswith("第 1 行第 48 列：")
    assert detail["拒收/stranger.json"] == f"工号「X9999」，姓名「{SCRIPT}」，部门「=外部机构」"
    assert detail["拒收/bomb.zip"] == "压缩比 1022:1"


def test_newest_version_is_kept_and_an_identical_copy_is_superseded(built: Built) -> None:
    detail = {e.source: e.detail for e in built.report.files}
    assert detail["午休作业/E0001.json"] == "采用更新的版本「重发/E0001-v2.json」（2021-03-12 23:00）"
    assert detail["案例复盘.zip › 复盘/副本/E0011.json"] == "与「案例复盘.zip › 复盘/E0011.json」内容相同"


def test_full_width_employee_id_matches_the_roster(built: Built) -> None:
    entry = next(e for e in built.report.files if e.source == "午休作业/E0012.json")
    assert entry.bucket is Bucket.ACCEPTED and entry.received is not None
    assert entry.received.trainee.employee_id == "E0012"


def test_a_name_that_differs_from_the_roster_is_noted_and_the_roster_name_used(built: Built) -> None:
    entry = next(e for e in built.report.files if e.source == "评估/E0013.json")
    assert entry.received is not None
    assert entry.received.trainee.name == built.scenario.persons[12].name
    assert entry.detail == f"文件中填写的姓名为「{SCRIPT}」"

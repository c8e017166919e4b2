"""A drill's roles named in the outline (角色：客户、柜员、大堂经理、观察员) become the stub's roles, not its scenario."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from docx import Document

from coursegen.importer import import_outline

from .outlines import SEED, import_text

LECTURE = "第一讲 投诉处理\n一、受理\n"
_BRIEF = "（待补充：{}知道什么、想要什么）"


def _drill(files: dict[str, str]) -> dict[str, object]:
    return yaml.safe_load(files["drills/drill-1.yml"])  # type: ignore[no-any-return]


def _roles(files: dict[str, str]) -> list[tuple[str, str]]:
    return [(role["name"], role["brief"]) for role in _drill(files)["roles"]]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "lines",
    [
        "分组场景模拟演练：客户要求插队\n角色：客户、柜员、大堂经理、观察员\n",
        "分组场景模拟演练：客户要求插队\n角色分配：客户，柜员，大堂经理和观察员。\n",
        "分组场景模拟演练：客户要求插队\n客户、柜员、大堂经理、观察员\n",
        "分组场景模拟演练：客户要求插队（角色：客户、柜员、大堂经理、观察员）\n",
        "分组场景模拟演练：客户要求插队\n四人一组，分别扮演客户、柜员、大堂经理、观察员\n",
        "分组场景模拟演练：客户要求插队\n角色：\n• 客户\n• 柜员\n• 大堂经理\n• 观察员\n",
    ],
    ids=["labelled", "commas-and-和", "bare-list", "in-the-title", "n-per-group", "one-a-line"],
)
def test_the_roles_an_outline_names_are_the_drills_roles(tmp_path: Path, lines: str) -> None:
    imported = import_text(tmp_path, LECTURE + lines + "二、回访\n")
    files = imported.files("c")
    names = ["客户", "柜员", "大堂经理", "观察员"]
    assert _roles(files) == [(name, _BRIEF.format(name)) for name in names]
    drill = _drill(files)
    assert (drill["title"], drill["scenario"]) == ("客户要求插队", "（待补充：演练情境）")  # the list is not the scenario
    assert [s.title for s in imported.outline.lectures[0].sections] == ["受理", "回访"]
    assert imported.report.unplaced == []
    roles_line = lines.count("\n") > 1  # the roles on lines of their own: the report says where they went
    assert ("作为上面演练 drill-1 的角色" in [e.reason for e in imported.report.notes]) == roles_line


def test_a_brief_written_after_the_name_is_kept_and_the_scenario_stays(tmp_path: Path) -> None:
    imported = import_text(tmp_path, LECTURE + """
        情景演练：客户要求插队
        周一上午，网点排起长队。
        角色：
        1. 客户：排队四十分钟，要求插队
        2. 柜员：正在办理一笔大额业务
        二、回访
    """)
    files = imported.files("c")
    assert _roles(files) == [("客户", "排队四十分钟，要求插队"), ("柜员", "正在办理一笔大额业务")]
    assert _drill(files)["scenario"] == "周一上午，网点排起长队。\n"
    assert [s.title for s in imported.outline.lectures[0].sections] == ["受理", "回访"]


def test_one_named_role_gets_a_stand_in_partner_and_a_list_of_steps_is_no_role_list(tmp_path: Path) -> None:
    imported = import_text(tmp_path, LECTURE + """
        情景演练：安抚客户
        角色：客户
        角色扮演：受理投诉
        倾听、致歉、解决、回访
    """)
    files = imported.files("c")
    assert _roles(files) == [("客户", _BRIEF.format("客户")), ("（待补充：角色二）", "（待补充：这个角色知道什么、想要什么）")]
    second = yaml.safe_load(files["drills/drill-2.yml"])
    assert second["scenario"] == "倾听、致歉、解决、回访\n"
    assert [role["name"] for role in second["roles"]] == ["（待补充：角色一）", "（待补充：角色二）"]


def test_the_seeds_drill_gets_the_roles_written_under_it() -> None:
    """The seed names no roles: its drill keeps two stand-ins; with a 角色 line added under it, it has those roles."""
    assert [role["name"] for role in _drill(import_outline(SEED).files("c"))["roles"]] == ["（待补充：角色一）", "（待补充：角色二）"]  # type: ignore[index]


def test_the_seed_with_roles_under_its_drill(tmp_path: Path) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    at = lines.index("分组场景模拟演练:") + 1
    path = tmp_path / SEED.name
    path.write_text("\n".join([*lines[:at], "角色:客户、柜员、大堂经理、观察员", *lines[at:]]) + "\n", encoding="utf-8")
    imported = import_outline(path)
    assert [name for name, _ in _roles(imported.files("c"))] == ["客户", "柜员", "大堂经理", "观察员"]
    assert (imported.outline.closing_title, len(imported.outline.lectures)) == ("总结与回顾", 5)
    assert imported.report.unplaced == []


def test_roles_in_a_word_outline(tmp_path: Path) -> None:
    document = Document()
    for text in ("第一讲 投诉处理", "一、受理", "分组场景模拟演练：客户要求插队", "角色："):
        document.add_paragraph(text)
    for name in ("客户", "柜员", "观察员"):
        document.add_paragraph(name, style="List Bullet")
    document.save(str(tmp_path / "outline.docx"))
    imported = import_outline(tmp_path / "outline.docx")
    assert [name for name, _ in _roles(imported.files("c"))] == ["客户", "柜员", "观察员"]


def test_roles_in_a_markdown_outline(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        # 第一讲 投诉处理
        ## 一、受理
        **分组场景模拟演练**：客户要求插队
        - 角色：客户、柜员、观察员
    """, name="outline.md")
    assert [name for name, _ in _roles(imported.files("c"))] == ["客户", "柜员", "观察员"]

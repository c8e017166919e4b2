"""Raw HTML is a decision: plain-text fields are always shown as written, HTML in Markdown is cleaned unless allowed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from coursegen.cli import main
from coursegen.render.quiz import html
from coursegen.render.sanitize import clean_markdown

ROOT = Path(__file__).resolve().parents[2]
TITLE = '基础<script>alert("t")</script> & 认识'
BODY = '投诉往往源于落差。<img src="x.png" onerror="alert(1)"><script>alert(2)</script><sup>注</sup> [坏](javascript:alert(3))'

DANGER = re.compile(r"<script>alert|onerror=|javascript:alert")


def hostile_site(workdir: Path, *, allow: bool) -> str:
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", workdir, dirs_exist_ok=True)
    lecture = workdir / "course" / "lectures" / "01-basics.yml"
    text = lecture.read_text(encoding="utf-8").replace("title: 基础——认识投诉", f"title: '{TITLE}'")
    lecture.write_text(text.replace("body: 投诉往往源于期望与体验的落差。", f"body: '{BODY}'"), encoding="utf-8")
    if allow:
        course = workdir / "course" / "course.yml"
        course.write_text(course.read_text(encoding="utf-8") + "allow_raw_html: true\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    return "\n".join(p.read_text(encoding="utf-8") for p in (workdir / "site").rglob("*.html"))


def test_scripts_event_handlers_and_script_links_never_reach_the_site(workdir: Path) -> None:
    site = hostile_site(workdir, allow=False)
    assert DANGER.findall(site) == []
    assert "基础&lt;script&gt;alert" in site  # the title is shown as the trainer wrote it, in the page and the menu
    assert "<sup>注</sup>" in site and '<img src="x.png">' in site  # harmless HTML stays


def test_allow_raw_html_keeps_the_bodies_html_but_titles_stay_text(workdir: Path) -> None:
    site = hostile_site(workdir, allow=True)
    assert "<script>alert(2)</script>" in site and 'onerror="alert(1)"' in site
    assert '<script>alert("t")' not in site


@pytest.mark.parametrize(("text", "cleaned"), [
    ("> 引用\n\n**粗** & 细 a < b", "> 引用\n\n**粗** & 细 a < b"),  # nothing tag-like: exactly as written
    ("> 引用 <b>粗</b><br> a < b<script>x()</script>", "> 引用 <b>粗</b><br> a &lt; b"),  # Markdown shows &lt; as <
    ('<a href="javascript:x()" onclick="y()">链接</a> & 更多', "<a>链接</a> & 更多"),
    ("[坏](javascript:alert(3)) [好](../cases/pond.md \"案例\")", "[坏](#) [好](../cases/pond.md \"案例\")"),
    ("[a](JaVa&#115;cript:x) ![i](data:text/html;base64,PHNjcmlwdD4=)\n\n[r]: vbscript:x\n", "[a](#) ![i](#)\n\n[r]: #\n"),
])
def test_markdown_keeps_its_markdown_and_loses_only_the_dangerous_html(text: str, cleaned: str) -> None:
    assert clean_markdown(text) == cleaned


def test_quiz_texts_shown_by_the_widget_are_cleaned_too() -> None:
    """Prompts and feedback reach the page through innerHTML, where an event handler would run."""
    assert html('题目 <img src="x.png" onerror="alert(1)"> [链](javascript:alert(2))') == '<p>题目 <img src="x.png"> <a href="#">链</a></p>'

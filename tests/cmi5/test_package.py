"""`coursegen package --cmi5`: the zip an LMS imports as a cmi5 course, its cmi5.xml against the course structure
schema of the cmi5 specification (tests/cmi5/xsd, with its licence)."""

from __future__ import annotations

import gzip
import json
import re
import zipfile
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from coursegen.cli import main
from coursegen.errors import UserError
from coursegen.package.cmi5 import package_cmi5
from coursegen.render.assets import shipped

from .course_factory import ACTIVITY_ID, cmi5_package, write_cmi5_course

XSD = Path(__file__).parent / "xsd" / "CourseStructure.xsd"
NS = {"c": "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"}


def course_structure(package: Path) -> etree._Element:
    """The package's cmi5.xml, parsed and validated; fails with libxml2's reasons."""
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    with zipfile.ZipFile(package) as archive:
        root = etree.fromstring(archive.read("cmi5.xml"))
    assert schema.validate(root), "\n".join(str(e) for e in schema.error_log)
    return root


def test_the_course_structure_is_valid_cmi5_with_one_au_at_the_launch_page(tmp_path_factory: pytest.TempPathFactory) -> None:
    root = course_structure(cmi5_package(tmp_path_factory))
    course = root.find("c:course", NS)
    [au] = root.findall("c:au", NS)
    assert course is not None and course.get("id") == f"{ACTIVITY_ID}/cmi5"
    assert au.get("id") == ACTIVITY_ID
    assert (au.get("moveOn"), au.get("masteryScore")) == ("CompletedAndPassed", "0.6")
    assert au.findtext("c:url", namespaces=NS) == "cmi5.html"
    # & and < in the title are escaped, and the language is the course's.
    assert au.findtext("c:title/c:langstring", namespaces=NS) == "投诉处理入门 & 实务——<两讲>"
    assert au.find("c:title/c:langstring", NS).get("lang") == "zh-CN"  # type: ignore[union-attr]


def test_a_course_without_a_final_assessment_moves_on_when_completed(tmp_path_factory: pytest.TempPathFactory) -> None:
    [au] = course_structure(cmi5_package(tmp_path_factory, final=False)).findall("c:au", NS)
    assert (au.get("moveOn"), au.get("masteryScore")) == ("Completed", None)


def test_the_zip_holds_cmi5_xml_first_then_the_offline_site_and_its_launch_page(tmp_path_factory: pytest.TempPathFactory) -> None:
    with zipfile.ZipFile(cmi5_package(tmp_path_factory)) as archive:
        names = archive.namelist()
        launch = archive.read("cmi5.html").decode()
        home = archive.read("index.html").decode()
        bundle = archive.read("assets/coursegen/cg-page.js")
    assert names[0] == "cmi5.xml"
    assert {"cmi5.html", "index.html", "quizzes/final-assessment.html", "assets/coursegen/cg-cmi5.js"} <= set(names)
    assert not any(name.endswith(("imsmanifest.xml", "cg-scorm.js")) for name in names)
    # File links (an LMS serves files as they are); every page hands the launch on, only cmi5.html holds the session.
    assert 'href="lectures/listen.html"' in home
    page_part = shipped("cg-cmi5.js", Path(str(resources.files("coursegen") / "assets" / "cg-cmi5.js")).read_bytes(), minify=True)
    assert 'src="assets/coursegen/cg-page.js"' in home and page_part in bundle  # every page's scripts, bundled
    assert "cg-cmi5-launch.js" not in home and b"cmi5-launch" not in bundle
    assert "assets/coursegen/cg-cmi5-launch.js" in launch and "cg-scorm" not in launch
    data = json.loads(re.search(r'<script type="application/json" id="cg-cmi5-launch">(.*?)</script>', launch, re.S).group(1))  # type: ignore[union-attr]
    assert data["start"] == "index.html" and data["publisher"] == ACTIVITY_ID
    assert data["verbs"]["initialized"] == "http://adlnet.gov/expapi/verbs/initialized"


def test_a_page_carries_little_of_the_cmi5_runtime() -> None:
    """Every page loads cg-cmi5.js beside the xAPI client (6 KiB at most, issue 32): the launcher's weight stays out."""
    page_part = Path(str(resources.files("coursegen") / "assets" / "cg-cmi5.js")).read_bytes()
    assert len(gzip.compress(page_part, 9)) <= 1024


def test_the_pages_say_what_the_lms_is_told(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Progress stays in the browser (a SCORM package's pages promise the LMS keeps it, which is not so here)."""
    with zipfile.ZipFile(cmi5_package(tmp_path_factory)) as archive:
        quiz = archive.read("assets/coursegen/quizzes/final-assessment.js").decode()
        progress = archive.read("progress.html").decode()
    assert "平台会收到你开始和结束学习的时间" in quiz and "每道题的作答由学习平台记录" not in quiz
    assert "进度保存在你这台设备的浏览器里" in progress and "进度保存在学习平台里" not in progress


def test_a_course_without_lrs_is_refused_naming_course_yml_and_nothing_is_written(tmp_path: Path) -> None:
    paths = write_cmi5_course(tmp_path / "course", lrs=False)
    with pytest.raises(UserError) as refused:
        package_cmi5(paths, tmp_path / "out.zip")
    assert str(paths.course / "course.yml") in str(refused.value)
    assert "没有写 lrs" in str(refused.value) and "activity_id" in str(refused.value)
    assert not (tmp_path / "out.zip").exists()


def test_the_command_takes_exactly_one_format_and_writes_the_cmi5_zip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = write_cmi5_course(tmp_path)
    monkeypatch.chdir(tmp_path)
    both = CliRunner().invoke(main, ["package", "--cmi5", "--scorm12"])
    assert both.exit_code == 2 and "--cmi5" in both.output
    done = CliRunner().invoke(main, ["package", "--cmi5", "-o", "course.zip"])
    assert done.exit_code == 0, done.output
    assert "cmi5" in done.output and "course.zip" in done.output
    assert course_structure(tmp_path / "course.zip") is not None
    assert paths.course.is_dir()

"""`coursegen package --scorm12` / `--scorm2004`: the zip an LMS imports, its manifest against the schemas
of its version (1.2: ADL's, in tests/scorm/xsd; 2004 4th Edition: those the package ships)."""

from __future__ import annotations

import re
import zipfile
from importlib import resources
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from lxml import etree

from coursegen.builder import Paths
from coursegen.cli import main
from coursegen.errors import UserError
from coursegen.package import SCORM2004, package_scorm, package_scorm12
from coursegen.render.assets import shipped

from ..conftest import ROOT
from .course_factory import built_packages, write_course

XSD = Path(__file__).parent / "xsd" / "scorm12.xsd"
NS = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
CONTROL = {"imsmanifest.xml", "imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd"}
NS2004 = {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1", "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
          "imsss": "http://www.imsglobal.org/xsd/imsss", "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3",
          "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3"}
SCHEMA_FILES_2004 = {"cp": "imscp_v1p1.xsd", "adlcp": "adlcp_v1p3.xsd", "imsss": "imsss_v1p0.xsd",
                     "adlseq": "adlseq_v1p3.xsd", "adlnav": "adlnav_v1p3.xsd"}


def validate(manifest: bytes) -> etree._Element:
    """Parse and validate against IMS CP 1.1.2 + ADL SCORM 1.2 extensions; fail with libxml2's reasons."""
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    root = etree.fromstring(manifest)
    assert schema.validate(root), "\n".join(str(e) for e in schema.error_log)
    return root


def validate2004(manifest: bytes) -> etree._Element:
    """Validate against the SCORM 2004 4th Edition schemas the package ships, through a wrapper importing
    the five namespaces of the manifest (xsi:schemaLocation is not followed by lxml)."""
    folder = Path(str(resources.files("coursegen") / "package" / "xsd" / "scorm2004"))
    imports = "".join(f'<xsd:import namespace="{NS2004[k]}" schemaLocation="{(folder / name).as_uri()}"/>'
                      for k, name in SCHEMA_FILES_2004.items())
    schema = etree.XMLSchema(etree.fromstring(f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>'))
    root = etree.fromstring(manifest)
    assert schema.validate(root), "\n".join(str(e) for e in schema.error_log)
    return root


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_packages(tmp_path_factory)["graded"]


def test_manifest_is_valid_scorm12(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        root = validate(archive.read("imsmanifest.xml"))
    assert root.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
    assert root.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"


def test_one_sco_launches_the_frame_page_with_the_pass_mark(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        root = etree.fromstring(archive.read("imsmanifest.xml"))
    items = root.findall(".//cp:item", NS)
    resources = root.findall(".//cp:resource", NS)
    assert len(items) == 1 and len(resources) == 1
    sco = resources[0]
    assert sco.get(f"{{{NS['adlcp']}}}scormtype") == "sco"
    assert sco.get("href") == "scorm.html"
    assert items[0].get("identifierref") == sco.get("identifier")
    assert items[0].findtext("adlcp:masteryscore", namespaces=NS) == "60"
    # The course id starts with a digit, which an XML id may not; & and < in titles are escaped.
    assert root.get("identifier") == "coursegen-2024-complaints"
    assert items[0].findtext("cp:title", namespaces=NS) == "投诉处理入门 & 实务——<两讲>"


def test_every_file_is_listed_and_every_listed_file_is_there(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        root = etree.fromstring(archive.read("imsmanifest.xml"))
    listed = {unquote(f.get("href")) for f in root.findall(".//cp:file", NS)}
    assert listed == names - CONTROL
    assert CONTROL <= names
    assert archive.namelist()[0] == "imsmanifest.xml"


def test_pages_link_to_html_files_not_folders(package: Path) -> None:
    """An LMS serves the files as they are: lectures/listen/ would be a 404 there."""
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        home = archive.read("index.html").decode("utf-8")
        launch = archive.read("scorm.html").decode("utf-8")
        bundle = archive.read("assets/coursegen/cg-page.js")
    assert {"index.html", "lectures/listen.html", "lectures/respond.html", "scorm.html"} <= names
    assert 'href="lectures/listen.html"' in home
    assert not re.search(r'href="lectures/listen/"', home)
    for script in ("cg-config.js", "cg-core.js", "cg-course.js", "cg-completion.js", "cg-scorm.js"):  # the completion rule with them
        assert f'src="assets/coursegen/{script}"' in launch
        assert f"assets/coursegen/{script}" in names
    # Pages in the LMS frame report to the launcher: the runtime is among every page's scripts, bundled.
    runtime = shipped("cg-scorm.js", (ROOT / "generator" / "assets" / "cg-scorm.js").read_bytes(), minify=True)
    assert 'src="assets/coursegen/cg-page.js"' in home and runtime in bundle


def test_the_package_carries_nothing_of_the_live_preview_overlay(package: Path) -> None:
    """The overlay is for `coursegen serve` only (coursegen.render.preview): no file of it, no page naming it."""
    with zipfile.ZipFile(package) as archive:
        assert not [name for name in archive.namelist() if "cg-preview" in name]
        for name in archive.namelist():
            if name.endswith((".html", ".js", ".css", ".json")):
                text = archive.read(name).decode("utf-8", errors="replace")
                assert "cg-preview" not in text and "coursegenPreview" not in text, name


def test_the_package_says_the_lms_keeps_progress_and_records_results(package: Path) -> None:
    """A site's promise "only in this browser" would be false in an LMS: the quiz data and the progress page say
    that the learning platform keeps the progress and records the results, never that nothing is uploaded."""
    with zipfile.ZipFile(package) as archive:
        quiz = archive.read("assets/coursegen/quizzes/quiz-respond.js").decode("utf-8")
        progress = archive.read("progress.html").decode("utf-8")
    assert "你的测验成绩和每道题的作答由学习平台记录" in quiz and "不会上传" not in quiz
    assert "进度保存在学习平台里" in progress and "你的测验成绩和每道题的作答由学习平台记录" in progress
    assert "只保存在本机浏览器" not in progress and "不会上传" not in progress


def test_a_site_outside_an_lms_does_not_load_the_scorm_runtime(example_site: Path) -> None:
    assert not (example_site / "assets" / "coursegen" / "cg-scorm.js").exists()
    assert "cg-scorm" not in (example_site / "index.html").read_text(encoding="utf-8")


def test_cli_writes_the_zip_and_says_how_it_is_graded(tmp_path: Path) -> None:
    paths = write_course(tmp_path / "c", final=False)
    out = tmp_path / "pkg.zip"
    out.write_bytes(b"old")
    result = CliRunner().invoke(main, [
        "package", "--scorm12", "-o", str(out), "--config", str(paths.config),
        "--course", str(paths.course), "--quizzes", str(paths.quizzes),
    ])
    assert result.exit_code == 0, result.output
    assert f"SCORM 1.2 课件包已写入 {out}（共 " in result.output
    assert "；学员打开全部讲次即为完成" in result.output
    assert "… 正在用 MkDocs 构建" in result.output and "（SCORM 包用的文件链接）" in result.output
    with zipfile.ZipFile(out) as archive:
        root = validate(archive.read("imsmanifest.xml"))
    assert root.find(".//adlcp:masteryscore", NS) is None


def test_cli_asks_for_the_format(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["package", "-o", str(tmp_path / "x.zip")])
    assert result.exit_code == 2
    assert "--scorm12" in result.output
    assert not (tmp_path / "x.zip").exists()


def test_a_course_error_leaves_the_old_zip(tmp_path: Path) -> None:
    paths = write_course(tmp_path / "c")
    paths.course.joinpath("course.yml").write_text("id: x\n", encoding="utf-8")
    out = tmp_path / "pkg.zip"
    out.write_bytes(b"old")
    with pytest.raises(UserError):
        package_scorm12(paths, out)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [], "no temporary file is left"


@pytest.mark.parametrize("name", ["imsmanifest.xml", "adlcp_rootv1p2.xsd", "scorm.md"])
def test_a_docs_file_named_like_a_package_file_is_refused(tmp_path: Path, name: str) -> None:
    paths = write_course(tmp_path / "c")
    (tmp_path / "c" / "docs").mkdir(exist_ok=True)  # the course already has a picture there
    (tmp_path / "c" / "docs" / name).write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match=f"docs/{name}: 这个文件名留给课件包（SCORM、cmi5）自己的文件"):
        package_scorm12(paths, tmp_path / "pkg.zip")
    assert not (tmp_path / "pkg.zip").exists()


def test_the_example_course_packages(tmp_path: Path) -> None:
    paths = Paths(config=ROOT / "mkdocs.yml", course=ROOT / "course", quizzes=ROOT / "quizzes", work=tmp_path / ".work")
    packaged = package_scorm12(paths, tmp_path / "example.zip")
    with zipfile.ZipFile(packaged.output) as archive:
        root = validate(archive.read("imsmanifest.xml"))
        names = set(archive.namelist())
    final = packaged.project.course.final_assessment
    assert final is not None
    assert root.findtext(".//adlcp:masteryscore", namespaces=NS) == str(final.pass_mark)
    assert f"quizzes/{final.id}.html" in names
    assert {f"lectures/{lecture.id}.html" for lecture in packaged.project.lectures} <= names


# ---- SCORM 2004 4th Edition ----


@pytest.fixture(scope="module")
def package2004(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_packages(tmp_path_factory)["graded2004"]


def test_2004_manifest_is_valid_4th_edition_with_one_sco_and_the_pass_mark(package2004: Path) -> None:
    with zipfile.ZipFile(package2004) as archive:
        root = validate2004(archive.read("imsmanifest.xml"))
        names = archive.namelist()
    ns = NS2004
    assert root.findtext("cp:metadata/cp:schemaversion", namespaces=ns) == "2004 4th Edition"
    (item,) = root.findall(".//cp:item", ns)
    (sco,) = root.findall(".//cp:resource", ns)
    assert sco.get(f"{{{ns['adlcp']}}}scormType") == "sco" and sco.get("href") == "scorm.html"
    assert item.get("identifierref") == sco.get("identifier")
    objective = item.find("imsss:sequencing/imsss:objectives/imsss:primaryObjective", ns)
    assert objective.get("satisfiedByMeasure") == "true"
    assert float(objective.findtext("imsss:minNormalizedMeasure", namespaces=ns)) == 0.6
    controls = item.find("imsss:sequencing/imsss:deliveryControls", ns)
    assert (controls.get("completionSetByContent"), controls.get("objectiveSetByContent")) == ("true", "true")
    assert root.find("cp:organizations/cp:organization/imsss:sequencing/imsss:controlMode", ns).get("flow") == "true"
    assert names[0] == "imsmanifest.xml"
    assert set(SCORM2004.schemas) <= set(names), "the schemas the manifest names are at the package root"
    listed = {unquote(f.get("href")) for f in root.findall(".//cp:file", ns)}
    assert listed == set(names) - set(SCORM2004.schemas) - {"imsmanifest.xml"}
    assert "assets/coursegen/cg-scorm-dialects.js" in listed


def test_the_2004_schemas_reject_a_broken_manifest(package2004: Path) -> None:
    """The validation above means something: the shipped schemas do check the sequencing extension."""
    with zipfile.ZipFile(package2004) as archive:
        manifest = archive.read("imsmanifest.xml").decode("utf-8")
    broken = manifest.replace('completionSetByContent="true"', 'completionSetByContent="sometimes"')
    with pytest.raises(AssertionError, match="completionSetByContent"):
        validate2004(broken.encode("utf-8"))


def test_2004_launch_page_names_its_version(package2004: Path) -> None:
    with zipfile.ZipFile(package2004) as archive:
        launch = archive.read("scorm.html").decode("utf-8")
    assert '"scorm": "2004"' in launch
    assert launch.index("cg-scorm-dialects.js") < launch.index("cg-scorm.js")


def test_cli_writes_a_2004_package(tmp_path: Path) -> None:
    paths = write_course(tmp_path / "c", final=False)
    result = CliRunner().invoke(main, [
        "package", "--scorm2004", "-o", str(tmp_path / "pkg.zip"), "--config", str(paths.config),
        "--course", str(paths.course), "--quizzes", str(paths.quizzes),
    ])
    assert result.exit_code == 0, result.output
    assert f"SCORM 2004 4th Edition 课件包已写入 {tmp_path / 'pkg.zip'}（共 " in result.output
    with zipfile.ZipFile(tmp_path / "pkg.zip") as archive:
        root = validate2004(archive.read("imsmanifest.xml"))
    assert root.find(".//imsss:objectives", NS2004) is None, "no final assessment, no pass mark"


def test_cli_says_the_pass_mark_in_the_course_language(tmp_path: Path) -> None:
    paths = write_course(tmp_path / "c", final=True)
    paths.course.joinpath("course.yml").write_text(paths.course.joinpath("course.yml").read_text(encoding="utf-8") + "language: en\n", encoding="utf-8")
    result = CliRunner().invoke(main, [
        "package", "--scorm2004", "-o", str(tmp_path / "pkg.zip"), "--config", str(paths.config),
        "--course", str(paths.course), "--quizzes", str(paths.quizzes),
    ])
    assert result.exit_code == 0, result.output
    assert f"SCORM 2004 4th Edition package written to {tmp_path / 'pkg.zip'} (" in result.output
    assert "files); passed at 60% in 结业测评" in result.output
    assert "… building " in result.output and " pages with file links (for the SCORM package) with MkDocs" in result.output


def test_cli_refuses_both_formats_at_once(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["package", "--scorm12", "--scorm2004", "-o", str(tmp_path / "x.zip")])
    assert result.exit_code == 2 and "请选一种课件包格式：--scorm12、--scorm2004 或 --cmi5" in result.output
    assert not (tmp_path / "x.zip").exists()


def test_a_docs_file_named_like_a_2004_schema_is_refused(tmp_path: Path) -> None:
    paths = write_course(tmp_path / "c")
    (tmp_path / "c" / "docs").mkdir(exist_ok=True)  # the course already has a picture there
    (tmp_path / "c" / "docs" / "imsss_v1p0.xsd").write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="docs/imsss_v1p0.xsd: 这个文件名留给课件包（SCORM、cmi5）自己的文件；请改名"):
        package_scorm(paths, tmp_path / "pkg.zip", version="2004")

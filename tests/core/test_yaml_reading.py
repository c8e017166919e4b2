"""The loader's libyaml fast path reads every file exactly as PyYAML's own parser does.

Same data, same line and column for every key and value, and the same problems (syntax errors,
duplicate keys, refused characters), word for word: the speed-up must be invisible to a trainer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from coursegen.load import yamlfile

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.python("yaml._yaml")  # PyYAML's libyaml binding, which a PyYAML built from source may lack


def read_both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    fast = _snapshot(*yamlfile.read_yaml(path))
    with monkeypatch.context() as m:
        m.setattr(yamlfile, "_FAST_LOADER", None)
        slow = _snapshot(*yamlfile.read_yaml(path))
    return fast, slow


def _snapshot(doc: yamlfile.YamlDoc | None, problems: list) -> object:
    if doc is None:
        return None, [str(p) for p in problems]
    return doc.data, doc.value_marks, doc.key_marks, [str(p) for p in problems]


def test_every_course_file_in_the_repository_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    files = [*(ROOT / "course").rglob("*.yml"), *(ROOT / "quizzes").glob("*.yml"), *(ROOT / "tests" / "fixtures").rglob("*.yml")]
    assert len(files) > 20
    for path in files:
        fast, slow = read_both(path, monkeypatch)
        assert fast == slow, path


@pytest.mark.parametrize("text", [
    "title: [一节\nid: one\n",                      # unclosed flow sequence
    "title: 一节\n\tid: one\n",                     # tab indentation
    "title：一节\nid: one\n",                       # full-width colon
    "id: one\nid: two\n",                           # duplicate key
    "title: 铃声\x07\n",                            # a control character PyYAML refuses
    "title: a: b\n",                                # mapping values not allowed here
    "- a\nb: c\n",                                  # block end expected
    "title: '未闭合\n",                              # unclosed quote
    "a: &x [1, 2]\nb: *y\n",                        # unknown alias
    "a: !!python/object:os.system x\n",             # a tag the safe loader cannot construct
    "options:\n  - text: 甲\n  correct: true\n",       # a key dedented under a list item
    "2026-02-30: 1\nd: 2026-13-01\n",                # dates that do not exist, as a key and as a value
])
def test_broken_files_report_the_same_problems(text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "one.yml"
    path.write_text(text, encoding="utf-8")
    fast, slow = read_both(path, monkeypatch)
    assert fast == slow


_text = st.text(alphabet=st.sampled_from(list("投诉客户网点服务柜员，。！？：「」abcXYZ019 -:#'\"[]{}|>&*!%@`\n\t")), max_size=30)
_scalars = st.one_of(_text, st.integers(-10**6, 10**6), st.booleans(), st.none(), st.floats(allow_nan=False, allow_infinity=False))
_data = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(_text.filter(lambda s: s.strip() != ""), inner, max_size=4),
), max_leaves=25)


@settings(max_examples=150, deadline=None)
@given(data=_data, flow=st.sampled_from([False, None, True]), width=st.sampled_from([20, 80]))
def test_any_dumped_document_reads_the_same(data: object, flow: bool | None, width: int, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("doc") / "doc.yml"
    path.write_text(yaml.safe_dump({"root": data}, allow_unicode=True, default_flow_style=flow, width=width), encoding="utf-8")
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, slow = read_both(path, monkeypatch)
    assert fast == slow

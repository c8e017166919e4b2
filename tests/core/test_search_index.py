"""The search index written from Material's parsed sections: what it holds, how a page ranks, and where each
pair of characters stands (what the page script's phrase check relies on)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coursegen.builder.search_index import fold, gram_shard, read_search_index, write_search_index
from coursegen.errors import UserError

DOCS = [
    {"location": "lectures/front/", "title": "第一讲 服务前置", "text": "<p>后台能解决却不承担结果，后台要&lt;响应&gt;。</p>"},
    {"location": "lectures/front/#_1", "title": "1. 责任", "text": "<p>\u200b客户\u200b满意\u200b与否</p><ul><li>ＳＣＯＲＭ　包</li></ul>"},
    {"location": "cases/", "title": "案例", "text": "<p>后台</p>"},
    {"location": "quizzes/quiz-front/", "title": "第一讲自测", "text": ""},
]


def site_with(tmp_path: Path, docs: list[dict[str, str]]) -> Path:
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps({"config": {}, "docs": docs}), encoding="utf-8")
    return tmp_path


def provided(site: Path, name: str) -> object:
    body = (site / "assets" / "coursegen" / "search" / name).read_text(encoding="utf-8")
    assert body.startswith(f'coursegen.provide("search/{name}", ')
    return json.loads(body[body.index(",") + 1:body.rindex(")")])


def test_sections_keep_their_text_as_read_without_tags_or_jieba_marks(tmp_path: Path) -> None:
    site = site_with(tmp_path, DOCS)
    write_search_index(site)
    assert read_search_index(site) == [
        ("lectures/front/", "第一讲 服务前置", "后台能解决却不承担结果，后台要<响应>。"),
        ("lectures/front/#_1", "1. 责任", "客户满意与否 ＳＣＯＲＭ 包"),  # any white space is one space
        ("cases/", "案例", "后台"),
        ("quizzes/quiz-front/", "第一讲自测", ""),
    ]
    assert not (site / "search").exists(), "Material's own index is not shipped"


def test_pages_rank_lecture_first_then_the_quiz_and_a_folder_index_as_an_overview(tmp_path: Path) -> None:
    site = site_with(tmp_path, DOCS)
    write_search_index(site)
    meta = provided(site, "meta.js")
    assert isinstance(meta, dict)
    assert meta["pages"] == [["lectures/front/", "第一讲 服务前置", 0], ["cases/", "案例", 3], ["quizzes/quiz-front/", "第一讲自测", 4]]
    assert meta["sections"] == [[0, "", "第一讲 服务前置"], [0, "_1", "1. 责任"], [1, "", "案例"], [2, "", "第一讲自测"]]


def decoded(site: Path, gram: str, shards: int) -> dict[int, list[int]]:
    """A gram's list as the page script reads it: {section: positions}."""
    numbers = provided(site, f"g{gram_shard(gram, shards)}.js")[gram]  # type: ignore[index]
    found, section, i = {}, 0, 0
    while i < len(numbers):
        section += numbers[i]
        if len(gram) == 1:
            found[section], i = [], i + 1
            continue
        count, at = numbers[i + 1], numbers[i + 2]
        positions = [at]
        for gap in numbers[i + 3:i + 2 + count]:
            at += gap
            positions.append(at)
        found[section], i = positions, i + 2 + count
    return found


@pytest.mark.parametrize("gram", ["后台", "台能", "sc", "满意", "<响", "讲"])
def test_every_pair_of_characters_is_listed_where_it_stands_in_the_folded_text(tmp_path: Path, gram: str) -> None:
    site = site_with(tmp_path, DOCS)
    write_search_index(site)
    meta = provided(site, "meta.js")
    sections = read_search_index(site)
    expected = {}
    for n, (_, title, text) in enumerate(sections):
        folded = fold(f"{title}\n{text}")
        at = [i for i in range(len(folded)) if folded.startswith(gram, i)]
        if at:
            expected[n] = [] if len(gram) == 1 else at
    assert expected and decoded(site, gram, meta["shards"]) == expected  # type: ignore[index]


def test_full_width_letters_are_indexed_folded_and_pairs_across_a_space_are_not(tmp_path: Path) -> None:
    site = site_with(tmp_path, DOCS)
    write_search_index(site)
    shards = provided(site, "meta.js")["shards"]  # type: ignore[index]
    assert fold("ＳＣＯＲＭ　包") == "scorm 包"
    assert decoded(site, "rm", shards) == {1: [16]}
    listed = {g for n in range(shards) for g in provided(site, f"g{n}.js")}  # type: ignore[union-attr]
    assert "m " not in listed and " 包" not in listed and "ＳＣ" not in listed


def test_a_site_whose_search_plugin_wrote_no_index_stops_the_build(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="search_index.json: Material's search plugin 没有生成搜索索引"):
        write_search_index(tmp_path)

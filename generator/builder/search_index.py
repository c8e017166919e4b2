"""The course site's search index: exact Chinese substrings, found by looking up a few small files.

Material's own search (lunr, with jieba cutting Chinese into words) matched a query as prefixes of words,
so 后台 found every section holding 后续 or 后果, and every trainee downloaded the whole index (14 MB at
1,000 lectures) on the first search. This index answers "which sections contain this exact string" instead:

- Text is folded before anything else (:func:`fold`: NFKC, which also makes full-width letters and digits
  half-width, then lower case); the page script folds the query the same way.
- For every pair of neighbouring characters (a *bigram*) the index lists the sections holding it and where.
  A query of two or more characters is found where its bigrams stand one after another, so a hit always
  holds the whole query, and nothing else is a hit. A single character is looked up in its own list of sections.
- The lists are spread over ``shards`` files by a hash of the bigram that the page script computes too:
  a query downloads the meta file (page and section titles), one shard per distinct bigram, and the text
  chunks of the results it shows, not the course.
- Every file is a script calling ``coursegen.provide``, like the quizzes' data: it loads over http, from
  ``file://`` and inside an LMS frame alike (``fetch`` does not work from ``file://``).

Material's search plugin still parses the pages into sections (it honours ``data-search-exclude`` and a
page's ``search: exclude``); its ``search_index.json`` is read here, turned into this index, and removed.
"""

from __future__ import annotations

import html
import json
import math
import operator
import re
import shutil
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from .. import cache as cached
from ..errors import UserError
from ..messages import say
from .. import site_paths as paths
from ..render.assets import js_value

FOLDER = "search"
"""Below the coursegen assets folder: ``assets/coursegen/search/``, beside the script that loads it."""
META = f"{FOLDER}/meta.js"
SHARD_BYTES = 24_000
"""About this many bytes of postings per shard: a query touches one shard per bigram, so small shards
keep the first search small; more shards only mean more files."""
CHUNK_CHARS = 6_000
"""About this many characters of section text per chunk: the results shown load their chunks for the excerpt."""

KIND_RANK = {"lectures": 0, "cases": 1, "discussions": 1, "drills": 1, "scenarios": 1, "homework": 2, "quizzes": 4}
"""Which kind of page ranks first when hits are otherwise equal, by the first folder of its address
(:mod:`coursegen.render.paths`): the lecture that teaches a word above the quiz that repeats it,
a case above the list of cases that sums it up."""
OTHER_RANK = 3

_TAGS = re.compile(r"</?(?:p|li|ol|ul|pre|code|sub|sup)>")
"""The tags Material keeps in a section's text (it drops all others)."""
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Text as search compares it: NFKC (full-width ASCII becomes half-width, compatibility forms their
    plain letters), then lower case. The page script folds the query the same way (``cg-search.js``)."""
    return unicodedata.normalize("NFKC", text).lower()


def gram_shard(gram: str, shards: int) -> int:
    """The shard holding ``gram``'s list: the same arithmetic as ``shardOf`` in ``cg-search.js``."""
    h = 0
    for ch in gram:
        h = (h * 31 + ord(ch)) % 1_000_003
    return h % shards


@dataclass(frozen=True)
class Section:
    page: int
    anchor: str
    title: str
    text: str


@dataclass(frozen=True)
class Source:
    """Where a build engine's search writes its sections, which this index is made from."""

    path: str
    key: str
    engine: str
    emptied: bool = False
    """Leave the file with no sections instead of removing it: the engine's page script downloads it anyway."""


MATERIAL = Source("search/search_index.json", "docs", "Material's search plugin")
ZENSICAL = Source("search.json", "items", "Zensical's search", emptied=True)
"""Zensical lists a page's sections with the same ``location``, ``title`` and ``text`` as Material; its
page script downloads ``search.json`` on every page that has a search box (any ``.md-search``, coursegen's
dialog too), and a missing file would be an error in every page's console."""


def write_search_index(site_dir: Path, source: Source = MATERIAL, *, cache: Path | None = None) -> None:
    """Turn the engine's own index (Material's ``search/search_index.json``) in ``site_dir`` into this index.

    The engine's file is removed (Material's whole folder): nothing loads it. Without that file (a plugin that
    changed its output) the site would show a search box that never finds anything, so the build stops instead.
    ``cache``: a file (under ``.coursegen/``) keeping the index made from the engine's last one (:mod:`coursegen.cache`):
    a build whose pages hold the same searchable text as the last one writes it again rather than making it anew.
    """
    found = site_dir / source.path
    if not found.is_file():
        raise UserError(say("build.error.search_index", file=source.path, engine=source.engine))
    raw = found.read_bytes()
    engine_index = json.loads(raw)
    key = cached.content_key(source.key.encode(), raw)
    kept = cached.read(cache) if cache is not None else {}
    files = kept.get(key)
    if not isinstance(files, dict):
        files = _index_files(engine_index[source.key])
        if cache is not None:
            cached.write(cache, {key: files})
    out = site_dir / paths.ASSETS / FOLDER
    out.mkdir(parents=True, exist_ok=True)
    for name, body in files.items():
        (site_dir / paths.ASSETS / name).write_text(body, encoding="utf-8")
    if source.emptied:
        found.write_text(json.dumps({**engine_index, source.key: []}, ensure_ascii=False), encoding="utf-8")
    else:
        shutil.rmtree(found.parent)


def _index_files(docs: list[dict[str, str]]) -> dict[str, str]:
    """This index's files (name in the assets folder → script) for the engine's sections ``docs``."""
    pages, sections = _sections(docs)
    files = _postings_files(sections) + _chunk_files(sections)
    shards = sum(1 for name, _ in files if name.startswith(f"{FOLDER}/g"))
    meta = {
        "shards": shards,
        "chunk": _chunk_size(sections),
        "pages": pages,
        "sections": [[s.page, s.anchor, s.title] for s in sections],
    }
    files.insert(0, (META, meta))
    return {name: f"coursegen.provide({js_value(name)}, {js_value(data)});\n" for name, data in files}


def _sections(docs: list[dict[str, str]]) -> tuple[list[list[object]], list[Section]]:
    """Pages as ``[address, title, rank]`` and their sections, in site order, from Material's entries.

    Material lists a page's first section under the page's address and the others under ``address#id``.
    """
    pages: list[list[object]] = []
    page_of: dict[str, int] = {}
    sections = []
    for doc in docs:
        address, _, anchor = doc["location"].partition("#")
        title = _clean(doc["title"])
        if address not in page_of:
            page_of[address] = len(pages)
            pages.append([address, title, _rank(address)])
        sections.append(Section(page_of[address], anchor, title, _clean(doc["text"])))
    return pages, sections


def _rank(address: str) -> int:
    """The page's :data:`KIND_RANK`; a folder's own index page (the list of cases) is an overview, not a case."""
    folder, _, rest = address.partition("/")
    return KIND_RANK.get(folder, OTHER_RANK) if rest not in ("", "index.html") else OTHER_RANK


def _clean(text: str) -> str:
    """Material's section text as a trainee reads it: no kept tags, no jieba marks, one space between words."""
    text = _TAGS.sub(" ", html.unescape(text.replace("\u200b", "")))
    return _SPACE.sub(" ", text).strip()


def _postings_files(sections: list[Section]) -> list[tuple[str, object]]:
    """The shards: ``{gram: numbers}``, each list delta-coded to keep the files small.

    A bigram's numbers are, per section holding it, ``[section gap, count, first position, position gaps…]``;
    a single character's are the section gaps alone. Positions count characters of the folded
    ``title + "\\n" + text``, as the page script's phrase check does.
    """
    bigrams: dict[str, list[int]] = defaultdict(list)
    bigram_last: dict[str, int] = {}
    chars: dict[str, list[int]] = defaultdict(list)
    char_last: dict[str, int] = {}
    for number, section in enumerate(sections):
        text = fold(f"{section.title}\n{section.text}")
        where: dict[str, list[int]] = defaultdict(list)
        for position, gram in enumerate(map(operator.add, text, text[1:])):
            where[gram].append(position)
        for gram, found in where.items():
            if gram[0].isspace() or gram[1].isspace():
                continue
            numbers = bigrams[gram]
            numbers += (number - bigram_last.get(gram, 0), len(found), found[0])
            numbers += (b - a for a, b in pairwise(found))
            bigram_last[gram] = number
        for ch in dict.fromkeys(text):  # in the order they stand, not a set's: the same site builds the same files
            if not ch.isspace():
                chars[ch].append(number - char_last.get(ch, 0))
                char_last[ch] = number
    grams = {**chars, **bigrams}
    size = sum(len(g) + 4 + 3 * len(numbers) for g, numbers in grams.items())
    shards = max(1, math.ceil(size / SHARD_BYTES))
    split: list[dict[str, list[int]]] = [{} for _ in range(shards)]
    for gram, numbers in grams.items():
        split[gram_shard(gram, shards)][gram] = numbers
    return [(f"{FOLDER}/g{n}.js", shard) for n, shard in enumerate(split)]


def _chunk_size(sections: list[Section]) -> int:
    """Sections per text chunk: about :data:`CHUNK_CHARS` characters each, on average."""
    chars = sum(len(s.text) for s in sections)
    return max(1, round(len(sections) * CHUNK_CHARS / max(chars, 1)))


def _chunk_files(sections: list[Section]) -> list[tuple[str, object]]:
    size = _chunk_size(sections)
    return [(f"{FOLDER}/t{n}.js", [s.text for s in sections[start:start + size]])
            for n, start in enumerate(range(0, len(sections), size))]


def read_search_index(site_dir: Path) -> list[tuple[str, str, str]]:
    """The sections a built site's search holds, as ``(address, title, text)``: for checks and benchmarks
    that look at what trainees can find."""
    folder = site_dir / paths.ASSETS / FOLDER

    def load(name: str) -> object:
        body = (folder / name).read_text(encoding="utf-8")
        return json.loads(body[body.index(",") + 1:body.rindex(")")])

    meta = load("meta.js")
    assert isinstance(meta, dict)
    chunk: int = meta["chunk"]
    texts: list[str] = []
    for n in range(math.ceil(len(meta["sections"]) / chunk)):
        texts += load(f"t{n}.js")  # type: ignore[arg-type]
    return [(meta["pages"][page][0] + (f"#{anchor}" if anchor else ""), title, text)
            for (page, anchor, title), text in zip(meta["sections"], texts)]

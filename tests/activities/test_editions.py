"""The promise of the two editions, checked on the built example course: facilitator notes and expected
answers appear in the trainer site and nowhere in the trainee site (pages, search index, scripts)."""

from __future__ import annotations

import json
from pathlib import Path

import markdown
from lxml import html

from coursegen.load import load_project
from coursegen.model.base import FacilitatorNotes
from coursegen.model.base import StrictModel

ROOT = Path(__file__).resolve().parents[2]
TEXT_SUFFIXES = {".html", ".json", ".js", ".css", ".txt", ".xml", ".md"}


def notes_in(value: object) -> list[FacilitatorNotes]:
    """Every facilitator block anywhere in a model tree."""
    if isinstance(value, FacilitatorNotes):
        return [value]
    if isinstance(value, StrictModel):
        return [n for name in type(value).model_fields for n in notes_in(getattr(value, name))]
    if isinstance(value, list | tuple):
        return [n for item in value for n in notes_in(item)]
    if isinstance(value, dict):
        return [n for item in value.values() for n in notes_in(item)]
    return []


def snippets(notes: FacilitatorNotes) -> list[str]:
    """A recognisable piece of each line of the notes and of each expected answer, as plain text."""
    out = []
    for text in [notes.notes, *notes.expected_answers]:
        plain = html.fromstring(f"<div>{markdown.markdown(text)}</div>").text_content()
        out += [line.strip()[:16] for line in plain.splitlines() if len(line.strip()) >= 6]
    return out


def public_text(value: object) -> str:
    """All the course's own text except facilitator blocks: a note that repeats it is no secret."""
    if isinstance(value, StrictModel):
        return public_text({k: v for k, v in value.model_dump().items() if k != "facilitator"})
    if isinstance(value, dict):
        return "\n".join(public_text(v) for k, v in value.items() if k != "facilitator")
    if isinstance(value, list | tuple):
        return "\n".join(public_text(v) for v in value)
    return str(value)


def site_text(site: Path) -> str:
    """What a reader or a script could get from the site: visible page text plus every text file as is."""
    parts = []
    for path in site.rglob("*"):
        if not path.is_file() or path.suffix not in TEXT_SUFFIXES:
            continue
        raw = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            parts.append(html.fromstring(raw).text_content())
        if path.suffix == ".json":
            raw = json.dumps(json.loads(raw), ensure_ascii=False)
        parts.append(raw)
    return "\n".join(parts).replace("\u200b", "")  # the search index segments Chinese words with U+200B


def test_trainee_site_holds_no_facilitator_text_and_trainer_site_does(example_site: Path, trainer_site: Path) -> None:
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")
    models = [project.course, project.lectures, project.quizzes]
    activities = [project.cases, project.discussions, project.drills, project.homework]
    public = public_text(models + activities)
    everywhere = [s for block in notes_in(models) for s in snippets(block) if s not in public]
    mine = [s for block in notes_in(activities) for s in snippets(block) if s not in public]
    assert len(mine) >= 20, "the example course should carry facilitator notes on its activities"

    trainee = site_text(example_site)
    leaked = [s for s in everywhere + mine if s in trainee]
    assert leaked == []

    trainer = site_text(trainer_site)
    assert [s for s in mine if s not in trainer] == []

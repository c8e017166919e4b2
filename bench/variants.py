"""The two sites coursegen is compared with, made from the very pages coursegen generated.

Both start from the workspace ``coursegen build`` wrote (``.coursegen/trainee/``): every generated
page except the quiz pages is copied as it is, the navigation is the same, and the config inherits
the project's own ``mkdocs.yml`` (same theme, features, search and jieba settings). They differ
only in the quiz pages and the quiz assets:

- **floor**: plain MkDocs, each quiz page reduced to its title and introduction, no coursegen
  scripts or styles. Whatever coursegen costs beyond this is the price of the generator and its
  quizzes.
- **mkdocs-quiz**: the same questions written in the mkdocs-quiz plugin's Markdown syntax
  (``<quiz>`` blocks, ``- [x]`` right answers, ``> `` feedback, ``[[answer]]`` blanks), with the
  plugin at its documented defaults, i.e. what a user of that plugin would write.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from coursegen.builder.workspace import MARKER
from coursegen.load.siteconfig import read_user_config
from coursegen.load import load_project
from coursegen.model.quiz import FillBlank, MultipleChoice, QuizBank, SingleChoice, TrueFalse
from coursegen import site_paths as paths

FLOOR = "floor"
MKDOCS_QUIZ = "mkdocs-quiz"


def write_variants(project: Path) -> dict[str, Path]:
    """Write both comparison sites beside the course; return variant name → its ``mkdocs.yml``."""
    loaded, _warnings = load_project(project / "course", project / "quizzes")
    workspace = project / ".coursegen" / "trainee"
    generated = yaml.safe_load((workspace / "mkdocs.yml").read_text(encoding="utf-8"))
    user_plugins = read_user_config(project / "mkdocs.yml").get("plugins", [])
    banks = list(loaded.quizzes.values())
    return {
        FLOOR: _write(project / FLOOR, workspace, generated, banks, quiz_page=floor_page, plugins=None),
        MKDOCS_QUIZ: _write(project / MKDOCS_QUIZ, workspace, generated, banks, quiz_page=mkdocs_quiz_page,
                            plugins=[*user_plugins, "mkdocs_quiz"]),
    }


def _write(out: Path, workspace: Path, generated: dict[str, Any], banks: list[QuizBank], *, quiz_page: Any,
           plugins: list[Any] | None) -> Path:
    docs = out / "docs"
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(workspace / "docs", docs, ignore=shutil.ignore_patterns(MARKER))
    shutil.rmtree(docs / paths.ASSETS, ignore_errors=True)
    for bank in banks:
        (docs / paths.item_page("quiz", bank.id)).write_text(quiz_page(bank), encoding="utf-8")
    config: dict[str, Any] = {
        "INHERIT": generated["INHERIT"],
        "docs_dir": "docs",
        "site_dir": str((out / "site").resolve()),
        "nav": generated["nav"],
    }
    if plugins is not None:
        config["plugins"] = plugins
    config_path = out / "mkdocs.yml"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config_path


def _head(bank: QuizBank) -> str:
    """Title and introduction, written as coursegen writes them (no front matter, which would make Material's
    menu slower on every page and so handicap the comparison)."""
    intro = f"{bank.intro.strip()}\n\n" if bank.intro else ""
    return f"# {bank.title}\n\n{intro}"


def floor_page(bank: QuizBank) -> str:
    """A quiz page without its quiz."""
    return _head(bank)


def mkdocs_quiz_page(bank: QuizBank) -> str:
    """The bank as mkdocs-quiz reads it: intro and results placeholders around one block per question."""
    blocks = "\n\n".join(mkdocs_quiz_block(q) for q in bank.questions)
    return f"{_head(bank)}<!-- mkdocs-quiz intro -->\n\n{blocks}\n\n<!-- mkdocs-quiz results -->\n"


def mkdocs_quiz_block(q: Any) -> str:
    """One question in mkdocs-quiz syntax; true/false becomes a two-option single choice."""
    explanation = (q.explanation or "").strip()
    if isinstance(q, FillBlank):
        prompt = q.prompt.strip().replace("____", f"[[{q.accept[0]}]]", 1)
        return f"<quiz>\n{prompt}\n\n---\n{explanation}\n</quiz>"
    if isinstance(q, TrueFalse):
        answers = [("对", q.answer, q.feedback_true), ("错", not q.answer, q.feedback_false)]
    elif isinstance(q, (SingleChoice, MultipleChoice)):
        answers = [(o.text, o.correct, o.feedback) for o in q.options]
    else:
        raise ValueError(f"mkdocs-quiz has no {q.type} questions")
    lines = [q.prompt.strip()]
    for text, right, feedback in answers:
        lines.append(f"- [{'x' if right else ' '}] {text}")
        if feedback:
            lines.append(f"    > {feedback.strip()}")
    return "<quiz>\n" + "\n".join(lines) + f"\n\n{explanation}\n</quiz>"

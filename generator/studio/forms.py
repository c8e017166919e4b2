"""The studio's forms, described from the same JSON Schemas editors and ``coursegen schema`` use.

One source for labels and help per language. In Chinese, every field's label is the first phrase of the description
the guide's field reference shows (``课程标题。`` → 课程标题, ``副标题，显示在标题下面。`` → 副标题), its help the whole
description. In another language, that description's translation in the catalogue's ``fields`` part (keyed by the
Chinese, word for word) takes its place, read the same way (``Subtitle, shown under the title.`` → Subtitle).
A question type or field kind added to the model appears in the form with nothing to change here.

The browser receives ``{"root": node, "defs": {name: node}}``; the kinds of node are listed in
``generator/studio/ui/form.js``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from ..catalogue import read_file
from ..model.base import ID_PATTERN
from ..schema import SCHEMAS, json_schema

_FIRST_PHRASE = re.compile(r"[：，。；（(\n]|[:,.;](?=\s|$)")
"""Where a label ends: Chinese punctuation, or English followed by a space (not the dot of ``0.5``, the colon of
``10:30``)."""
_TIME = "^([01]\\d|2[0-3]):[0-5]\\d$"
Node = dict[str, Any]


@cache
def describe(kind: str, language: str = "zh") -> dict[str, Any]:
    """The form of a course file of ``kind`` (``lecture``, ``quiz``…), its words in ``language``."""
    schema = _translated(json_schema(kind), read_file(language).get("fields", {}))
    defs = schema.get("$defs", {})
    return _with_variants({"root": _node(schema), "defs": {name: _node(definition) for name, definition in defs.items()}})


def _translated(schema: Any, words: Mapping[str, str]) -> Any:
    """``schema`` with every description that ``words`` translates replaced by its translation (Chinese, with no
    ``fields`` part, keeps them all). A description without one stays Chinese; a test keeps that from happening."""
    if isinstance(schema, dict):
        return {key: words.get(value, value) if key == "description" and isinstance(value, str) else _translated(value, words)
                for key, value in schema.items()}
    if isinstance(schema, list):
        return [_translated(value, words) for value in schema]
    return schema


def kinds() -> tuple[str, ...]:
    """The kinds of file with a form: every schema of a file the trainer writes."""
    return tuple(name for name in SCHEMAS if not name.startswith("submission"))


def label(description: str) -> str:
    """The first phrase of a description, as a field's label."""
    return _FIRST_PHRASE.split(description.strip(), maxsplit=1)[0].replace("`", "").strip(" *") or description


def _node(schema: dict[str, Any], description: str | None = None) -> Node:
    """One value's node; ``description`` is the field's own (over its type's)."""
    text = description or schema.get("description", "")
    texts = {"label": label(text), "help": text} if text else {}
    node = _shape(schema) | texts
    if node["kind"] == "choice":
        node["choices"] = [{"value": c["value"], "label": _choice_label(c["value"], text)} for c in node["choices"]]
    if "default" in schema and schema["default"] is not None:
        node["default"] = schema["default"]
    return node


def _shape(schema: dict[str, Any]) -> Node:
    if "$ref" in schema:
        return {"kind": "ref", "ref": schema["$ref"].rsplit("/", 1)[-1]}
    if "anyOf" in schema:
        choices = [s for s in schema["anyOf"] if s.get("type") != "null"]
        if len(choices) == 1:
            return _shape(choices[0])
        text, ref = sorted(choices, key=lambda s: "$ref" in s)
        if len(choices) == 2 and text.get("type") == "string" and "$ref" in ref:
            return {"kind": "text_or", "ref": ref["$ref"].rsplit("/", 1)[-1]}  # a point: a line, or a title with more
        return {"kind": "any"}
    if "oneOf" in schema and "discriminator" in schema:
        return _union(schema)
    if "enum" in schema:
        return {"kind": "choice", "choices": [{"value": v, "label": str(v)} for v in schema["enum"]]}
    kind = schema.get("type")
    if kind == "object" and "properties" in schema:
        required = set(schema.get("required", []))
        fields = [{"key": key, "required": key in required, "node": _node(value, value.get("description"))}
                  for key, value in schema["properties"].items()]
        return {"kind": "object", "fields": fields}
    if kind == "array":
        item = _node(schema.get("items", {}))
        if item["kind"] not in ("object", "union", "ref", "text_or"):
            # a line of text or Markdown: its type's description ("Markdown 文本：空一行分段…") names no item; the
            # browser names each item after its list (经过, 课程收益)
            item = {key: value for key, value in item.items() if key not in ("label", "help")}
        node: Node = {"kind": "list", "item": item}
        for ours, theirs in (("min_items", "minItems"), ("max_items", "maxItems")):
            if theirs in schema:
                node[ours] = schema[theirs]
        return node
    if kind == "string":
        return {"kind": _string_kind(schema), **({"multiline": True} if schema.get("maxLength", 0) > 200 else {})}
    if kind in ("integer", "number"):
        bounds: dict[str, Any] = {k: schema[k] for k in ("minimum", "maximum") if k in schema}
        return {"kind": kind, **bounds}
    if kind == "boolean":
        return {"kind": "boolean"}
    return {"kind": "any"}


def _choice_label(value: Any, description: str) -> str:
    """A choice's words as the description gives them (`` `homework` 作业，`survey` 课程评估问卷``, `` `en` English.``),
    else the value."""
    found = re.search(rf"`{re.escape(str(value))}`\s*([^，；。`,;.]+)", description)
    return found.group(1).strip() if found else str(value)


def _string_kind(schema: dict[str, Any]) -> str:
    if schema.get("contentMediaType") == "text/markdown":
        return "markdown"
    if schema.get("format") == "date":
        return "date"
    if schema.get("format") == "date-time":
        return "datetime"
    if schema.get("pattern") == ID_PATTERN:
        return "id"
    if schema.get("pattern") == _TIME:
        return "time"
    return "text"


def _union(schema: dict[str, Any]) -> Node:
    """A list item that is one of several models told apart by a tag (a question's ``type``): the tag is the
    union's, so each variant's own form leaves it out. The variants come in the model's order, which puts the most
    used first (a new question is a 单选题, a new form field a 单行文本), not in the tags' alphabetical order of the
    schema's ``mapping`` (which made every new question a 填空题)."""
    tag = schema["discriminator"]["propertyName"]
    order = [one["$ref"] for one in schema["oneOf"]]
    mapping = sorted(schema["discriminator"]["mapping"].items(), key=lambda item: order.index(item[1]))
    variants = [{"value": value, "ref": ref.rsplit("/", 1)[-1]} for value, ref in mapping]
    return {"kind": "union", "tag": tag, "variants": variants}


def _with_variants(form: dict[str, Any]) -> dict[str, Any]:
    """Give each union variant its label (its model's first phrase) and its object without the tag field, as the
    browser shows them; ``defs`` stay for everything else."""
    defs = form["defs"]

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("kind") == "union":
                for variant in node["variants"]:
                    if "ref" not in variant:  # done already: a union inside a variant (a hotspot's areas) is reached twice
                        continue
                    target = defs[variant.pop("ref")]
                    fields = [f for f in target.get("fields", []) if f["key"] != node["tag"]]
                    variant["label"] = target.get("label", variant["value"])
                    variant["node"] = {**target, "fields": fields}
            for value in list(node.values()):
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(form)
    return form

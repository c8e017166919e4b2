"""The `lrs` setting: every xAPI identifier comes from the course's own activity id, in one place."""

from __future__ import annotations

from coursegen.model.lrs import EXTENSIONS, VERBS, Lrs


def test_every_identifier_extends_the_course_s_own_activity_id() -> None:
    lrs = Lrs.model_validate({"endpoint": "https://lrs.example.com/xAPI", "activity_id": "https://learning.example.com/c/complaints/"})
    assert lrs.activity("lecture", "intro") == "https://learning.example.com/c/complaints/lecture/intro"
    vocabulary = lrs.vocabulary()
    assert vocabulary["endpoint"] == "https://lrs.example.com/xAPI/"
    assert vocabulary["auth"] == "launch"
    assert vocabulary["verbs"] == VERBS
    assert vocabulary["extensions"] == {name: f"https://learning.example.com/c/complaints/xapi/{name}" for name in EXTENSIONS}

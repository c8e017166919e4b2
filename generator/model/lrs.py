"""The Learning Record Store a course reports to (`lrs` in `course.yml`), and every xAPI identifier coursegen uses.

One place holds the IRIs: the site's statement sender gets them through the page's config, the HR report reads
statements with the same ones, and a cmi5 package names its activities by them. Every activity id starts with the
course's own ``activity_id`` and every extension lies under ``{activity_id}/xapi/``: coursegen mints no IRI under a
domain the organisation does not own. Verbs are the ADL and Activity Streams ones the xAPI registry lists.
"""

from __future__ import annotations

from typing import Literal

from pydantic import AnyHttpUrl, Field, field_validator

from .base import StrictModel
from .refusal import refuse

LrsAuth = Literal["launch", "relay"]
"""How the site gets to write to the LRS without a secret in a public page.

``launch``: only under an LMS's cmi5 launch, which hands the page the endpoint and a short-lived token; a page opened
any other way sends nothing (and says so). ``relay``: the organisation runs a relay on its intranet that adds the
credentials; ``endpoint`` is the relay's address and the site sends no ``Authorization`` header."""

ItemKind = Literal["lecture", "case", "discussion", "drill", "scenario", "quiz", "form"]
"""The kinds of activity a statement can be about (a question's id extends its quiz's, made where it is sent)."""

VERBS: dict[str, str] = {
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "answered": "http://adlnet.gov/expapi/verbs/answered",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
    "submit": "http://activitystrea.ms/schema/1.0/submit",
}
"""The verbs coursegen's statements use, by the short name the code and the catalogue (``xapi.verb.<name>``) share."""

INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
"""The activity type of a question: its definition carries ``interactionType`` and the correct response pattern."""

EXTENSIONS = ("self-reported", "submission", "checksum", "course-version")
"""The extension names, each an IRI ``{activity_id}/xapi/<name>`` (:meth:`Lrs.extension`)."""

CMI5_VERBS: dict[str, str] = {
    "launched": "http://adlnet.gov/expapi/verbs/launched",
    "initialized": "http://adlnet.gov/expapi/verbs/initialized",
    "completed": VERBS["completed"],
    "passed": VERBS["passed"],
    "failed": VERBS["failed"],
    "terminated": "http://adlnet.gov/expapi/verbs/terminated",
}
"""The cmi5 defined verbs an AU session uses (cmi5 9.3): ``launched`` is the LMS's, the others the package's."""

CMI5_CATEGORIES: dict[str, str] = {
    "cmi5": "https://w3id.org/xapi/cmi5/context/categories/cmi5",
    "moveon": "https://w3id.org/xapi/cmi5/context/categories/moveon",
}
"""cmi5 9.6.2: every cmi5 defined statement carries ``cmi5``; those with ``success`` or ``completion`` also ``moveon``."""

CMI5_EXTENSIONS: dict[str, str] = {
    name: f"https://w3id.org/xapi/cmi5/context/extensions/{name}"
    for name in ("sessionid", "masteryscore", "launchmode", "launchurl", "moveon")
}
"""cmi5 9.6.3's context extensions, by their last word."""

VERSION = "1.0.3"
"""The xAPI version the site sends in ``X-Experience-API-Version`` and the report asks the LRS for."""


class Lrs(StrictModel):
    """学习记录库（LRS）：写了它，网站把学员的学习记录（xAPI 语句）发给它，HR 报告也可以从它读取。"""

    endpoint: AnyHttpUrl = Field(
        description="LRS 的 xAPI 地址，例如 https://lrs.example.com/xAPI/；`auth: relay` 时写本单位转发服务的地址。"
        "地址里不能写用户名和密码：网页是公开的，谁都能看到。",
    )
    activity_id: AnyHttpUrl = Field(
        description="这门课程在学习记录里的标识（一个网址形式的名字，不必能打开），例如 "
        "https://learning.example.com/courses/complaints-2026；每讲、每个测验和每份表单的标识都以它开头。"
        "课程开始收集记录后不要再改，否则新旧记录对不上。",
    )
    auth: LrsAuth = Field(
        default="launch",
        description="网站怎样取得写入 LRS 的权限：`launch`（默认）只在 LMS 以 cmi5 方式启动课程时发送，"
        "由 LMS 给出临时凭据；`relay` 发给本单位内网里代加凭据的转发服务（`endpoint` 写它的地址）。"
        "两种方式网页里都不含任何密钥。",
    )

    @field_validator("endpoint")
    @classmethod
    def _no_secret(cls, endpoint: AnyHttpUrl) -> AnyHttpUrl:
        """A page is public: a user name or password in its LRS address is a key handed to every trainee."""
        if endpoint.username or endpoint.password:
            raise refuse("lrs_secret", "the LRS address must not hold a user name or password: every trainee could read it")
        return endpoint

    @property
    def base(self) -> str:
        """The course's activity id without a trailing slash, which every other id extends."""
        return str(self.activity_id).rstrip("/")

    def activity(self, kind: ItemKind, item_id: str) -> str:
        """The activity id of one lecture, case, discussion, drill, scenario, quiz bank or form."""
        return f"{self.base}/{kind}/{item_id}"

    def extension(self, name: str) -> str:
        """The IRI of one of coursegen's :data:`EXTENSIONS`."""
        if name not in EXTENSIONS:
            raise KeyError(name)
        return f"{self.base}/xapi/{name}"

    @property
    def cmi5_course(self) -> str:
        """The id of a cmi5 package's course structure. Its one AU is the course activity itself (:attr:`base`),
        which the LMS puts in every session's ``grouping``, so HR's query for the course finds the cmi5 statements;
        cmi5 wants the course structure's id to be another IRI."""
        return f"{self.base}/cmi5"

    def cmi5_vocabulary(self) -> dict[str, object]:
        """What a cmi5 launch page needs besides the LMS's launch data: the verbs, categories and extensions."""
        return {"verbs": CMI5_VERBS, "categories": CMI5_CATEGORIES, "extensions": CMI5_EXTENSIONS,
                "version": VERSION}

    def vocabulary(self) -> dict[str, object]:
        """Everything the site's statement sender needs, for the page's config: it never spells an IRI itself."""
        return {
            "endpoint": str(self.endpoint).rstrip("/") + "/",
            "auth": self.auth,
            "base": self.base,
            "version": VERSION,
            "verbs": VERBS,
            "interaction": INTERACTION,
            "extensions": {name: self.extension(name) for name in EXTENSIONS},
        }


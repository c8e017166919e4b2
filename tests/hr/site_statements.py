"""Hand-ins sent to an LRS by the course site's own statement sender, ``cg-xapi.js``, run in Node.

The sender gets what a page gives it: the course's ``lrs`` vocabulary (:meth:`Lrs.vocabulary`, as the page's config
carries it), a browser's storage, and the ``coursegen:submit`` event the form page announces with the submission file's
JSON. Node stands in for the browser; its ``fetch`` stands in for the organisation's relay (``auth: relay``): it adds
the LRS's credentials and passes each POST on, as the relay does. What reaches the LRS is therefore exactly what the
site sends, statement ids, actor, context and all.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

from coursegen.model.lrs import Lrs

from tests.conftest import ROOT

SENDER = ROOT / "generator" / "assets" / "cg-xapi.js"

RUNNER = r"""
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const saved = {};
const page = new EventTarget();
page.querySelector = () => null;
globalThis.document = page;
globalThis.window = Object.assign(new EventTarget(), { crypto: globalThis.crypto });
window.coursegen = {
  config: { lrs: input.lrs, lang: "zh", results: "questions" },
  store: {
    get: (key, fallback) => (key in saved ? JSON.parse(saved[key]) : fallback),
    set: (key, value) => { saved[key] = JSON.stringify(value); },
  },
  keys: { IDENTITY: "identity", XAPI_QUEUE: "xapi:queue", XAPI_DONE: "xapi:done", XAPI_REGISTRATION: "xapi:registration" },
  course: () => ({ version: input.version, items: input.forms.map((f) => ({ kind: "homework", id: f.id, title: f.title })) }),
  t: (key) => input.words[key] || key,
  completion: { status: () => "" },
  onPage: () => {},
};
const posted = [];
const send = globalThis.fetch;
globalThis.fetch = (url, init) => {  // the relay: the LRS's credentials added on the way
  posted.push(...JSON.parse(init.body).map((s) => s.id));
  return send(url, { ...init, headers: { ...init.headers, Authorization: input.authorization } });
};
require(process.argv[1]);
for (const submission of input.submissions) {
  document.dispatchEvent(new CustomEvent("coursegen:submit", { detail: submission }));
}
const deadline = Date.now() + 60000;
(function wait() {
  const status = window.coursegen.xapi.status();
  if (status.waiting === 0 || status.refused || Date.now() > deadline) {
    console.log(JSON.stringify({ status, posted }));
  } else {
    setTimeout(wait, 20);
  }
})();
"""


def send_from_site(submissions: list[dict[str, Any]], lrs: Lrs, authorization: str, forms: dict[str, str]) -> list[str]:
    """Hand each submission in through ``cg-xapi.js`` (in this order) to the LRS at ``lrs.endpoint``; the statement ids it sent.

    ``forms``: form id → title, the course's forms as the page lists them. Fails when anything is left unsent or refused."""
    node = shutil.which("node")
    assert node is not None
    given = {"lrs": lrs.vocabulary(), "authorization": authorization, "submissions": submissions, "version": "1",
             "forms": [{"id": form_id, "title": title} for form_id, title in forms.items()], "words": {"xapi.verb.submit": "提交"}}
    done = subprocess.run([node, "-e", RUNNER, str(SENDER)], input=json.dumps(given, ensure_ascii=False),  # noqa: S603 - our own script
                          capture_output=True, text=True, check=True, timeout=120)
    answer = json.loads(done.stdout)
    assert answer["status"]["waiting"] == 0 and not answer["status"]["refused"], answer["status"]
    posted: list[str] = answer["posted"]
    return posted

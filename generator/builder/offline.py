"""``coursegen build --offline``: a site that also works opened from a shared drive (``file://``).

This does what Material's ``offline`` plugin does, without its trap: that plugin adds a polyfill
script from unpkg.com, an outside request an intranet PC cannot make. Here the same polyfill (the
``iframe-worker`` shim, vendored under ``generator/assets/vendor``) is shipped with the site.

From ``file://`` the browser loads nothing by ``fetch``, so:
- page addresses end in ``.html`` (``use_directory_urls: false``): a folder address would open a listing;
- the course's search index is scripts already (:mod:`.search_index`); Material's own search, as the guide
  site uses it, also needs its index as a script (:func:`finish_offline`) and its worker in an iframe (the shim);
- the 404 page, which MkDocs writes with addresses from the server's root (``/assets/…``, a server shows it for
  any missing address), gets addresses relative to its own folder, the site's, so it is styled like the others;
- instant navigation is switched off: Material skips it under ``file://`` anyway, but with the feature on
  it also completes its ``document$`` stream before the page is ready, so no script that waits for the
  page (Material's own and every coursegen widget) would ever start.
What still does not work from ``file://``, the build tells the trainer (``build.done.offline_limits`` in the catalogue).
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import yaml

from ..load.siteconfig import read_user_config
from ..site_paths import IFRAME_WORKER_SHIM as SHIM

def prepare_offline(config_path: Path, user_config: Path) -> None:
    """Adjust a generated workspace (its ``mkdocs.yml`` and docs folder) for a ``file://`` site."""
    shim = resources.files("coursegen") / "assets" / "vendor" / "iframe-worker.js"
    target = config_path.parent / "docs" / SHIM
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(shim.read_bytes())

    header, _, body = config_path.read_text(encoding="utf-8").partition("\n")
    config = yaml.safe_load(body) or {}
    config["use_directory_urls"] = False
    user = read_user_config(user_config)
    theme = found if isinstance(found := user.get("theme"), dict) else {}
    features = [f for f in theme.get("features") or [] if not str(f).startswith("navigation.instant")]
    config["theme"] = {**(config.get("theme") or {}), "features": features}
    user_extra = user.get("extra")
    polyfills = user_extra.get("polyfills", []) if isinstance(user_extra, dict) else []
    local = [p for p in polyfills if isinstance(p, str) and "://" not in p and "iframe-worker" not in p]
    config["extra"] = {**(config.get("extra") or {}), "polyfills": [*local, SHIM]}
    text = header + "\n" + yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    config_path.write_text(text, encoding="utf-8")


def finish_offline(site_dir: Path) -> None:
    """Write the engine's search index as a script: the one way a page opened from ``file://`` can read it
    (Material's guide site searches with it; a course site's pages load Zensical's, emptied, all the same);
    aim the 404 page's addresses at the site's folder."""
    not_found = site_dir / "404.html"
    if not_found.is_file():
        page = not_found.read_text(encoding="utf-8")
        page = _ROOTED.sub(r'\1="./', page).replace('"base": "/"', '"base": "."', 1)
        not_found.write_text(page, encoding="utf-8")
    for index in (site_dir / "search" / "search_index.json", site_dir / "search.json"):  # Material's, Zensical's
        if index.is_file():
            data = index.read_text(encoding="utf-8")
            index.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")


_ROOTED = re.compile(r'\b(href|src)="/(?!/)')
"""An address from the server's root (not ``//host``, which never occurs offline anyway)."""

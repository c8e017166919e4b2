// What coursegen studio's browser side (generator/studio/ui/*.js) uses of its third-party code, as one global:
// window.cgStudioVendor. build.sh bundles this file with esbuild; only what is named here ends up in the bundle.
import { EditorView, basicSetup, minimalSetup } from "codemirror";
import { EditorState, Compartment } from "@codemirror/state";
import { keymap, placeholder } from "@codemirror/view";
import { yaml } from "@codemirror/lang-yaml";
import { markdown } from "@codemirror/lang-markdown";
import { linter, setDiagnostics, lintGutter, forceLinting } from "@codemirror/lint";
// Sortable's core without its optional plugins (multi-drag, swap), plus the auto-scroll plugin: a long form
// scrolls while an item is dragged to its top or bottom edge.
import Sortable, { AutoScroll } from "sortablejs/modular/sortable.core.esm.js";

Sortable.mount(new AutoScroll());

window.cgStudioVendor = {
  EditorView,
  EditorState,
  Compartment,
  basicSetup,
  minimalSetup,
  keymap,
  placeholder,
  yaml,
  // HTML tag completion needs the real HTML mode, left out of the bundle (see html-stub.js).
  markdown: (config) => markdown({ completeHTMLTags: false, ...config }),
  linter,
  setDiagnostics,
  lintGutter,
  forceLinting,
  Sortable,
};

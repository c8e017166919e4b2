// Stands in for @codemirror/lang-html, which @codemirror/lang-markdown imports for the HTML inside Markdown
// (build.sh aliases the package to this file). The real one brings HTML, CSS and JavaScript parsers, over a fifth of
// the bundle, for colouring inside the rare raw HTML tag of a course text; the Markdown parser still marks the tags
// themselves. Inside a tag the text stays plain, and no HTML tag completion is offered.
import { StreamLanguage, LanguageSupport } from "@codemirror/language";

const plain = StreamLanguage.define({
  name: "html",
  token(stream) {
    stream.skipToEnd();
    return null;
  },
});

export function html() {
  return new LanguageSupport(plain);
}

export function htmlCompletionSource(context) {
  return { from: context.pos, options: [] };
}

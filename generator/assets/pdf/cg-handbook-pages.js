/* coursegen handbook PDF: writes the page numbers into the handbook's contents and cross-references.
   Chromium cannot number pages while laying them out, so the handbook is printed twice: the outline of the
   first print gives, in document order, the page each heading landed on; this script is called with that list
   and fills every [data-cg-page-of] element whose heading it can name. Returns how many it filled, or -1 when
   the outline and the page's headings disagree (nothing is filled then: a wrong number is worse than none). */
(outline) => {
  const visible = (el) => el.getClientRects().length > 0;
  const text = (el) => el.textContent.replace(/[¶\s]+/g, "");
  const headings = Array.prototype.filter.call(document.querySelectorAll("h1, h2, h3, h4, h5, h6"), visible);
  if (headings.length !== outline.length) return -1;
  const pages = {};
  for (let i = 0; i < headings.length; i++) {
    if (text(headings[i]) !== outline[i].title.replace(/\s+/g, "")) return -1;
    if (headings[i].id) pages[headings[i].id] = outline[i].page;
  }
  let filled = 0;
  document.querySelectorAll("[data-cg-page-of]").forEach((el) => {
    const page = pages[el.getAttribute("data-cg-page-of")];
    const format = el.closest("[data-cg-page-format]").getAttribute("data-cg-page-format");
    if (page === undefined) return;
    el.textContent = format.replace("{n}", page);
    filled++;
  });
  return filled;
}

// wagtail-localize 1.14's translation editor prints a rich text segment's source and its
// translation as text, tags and all ("<b>UNESCO</b>"): this shows them formatted. Only the
// inline formatting a segment can hold is kept, as elements built here (never innerHTML),
// and only in the paragraphs that display a segment: its textarea keeps the tags to edit.
(() => {
  const editor = document.querySelector(".js-translation-editor");
  const data = document.getElementById("news-rich-text-sources");
  if (!editor || !data) return;
  const sources = new Set(JSON.parse(data.textContent));
  // A link's address is a separate segment: its text is shown underlined, as a link.
  const SHOWN_AS = { B: "b", STRONG: "b", I: "i", EM: "i", A: "u", BR: "br" };
  const formattedText = new WeakMap();

  function copyInline(from, to) {
    for (const node of from.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        to.append(node.data);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const tag = SHOWN_AS[node.tagName];
        const target = tag ? to.appendChild(document.createElement(tag)) : to;
        copyInline(node, target);
      }
    }
  }

  function format(paragraph) {
    // React replaces the text when a translation is saved; format whatever it wrote.
    if (!paragraph || formattedText.get(paragraph) === paragraph.textContent) return;
    const parsed = new DOMParser().parseFromString(paragraph.textContent, "text/html");
    const fragment = document.createDocumentFragment();
    copyInline(parsed.body, fragment);
    paragraph.replaceChildren(fragment);
    formattedText.set(paragraph, paragraph.textContent);
  }

  function formatSegments() {
    for (const item of editor.querySelectorAll("li")) {
      const source = item.firstElementChild;
      if (!source || source.tagName !== "P") continue;
      if (!("newsRichText" in item.dataset)) {
        if (!sources.has(source.textContent)) continue;
        item.dataset.newsRichText = "";
      }
      format(source);
      format(source.nextElementSibling && source.nextElementSibling.querySelector(":scope > p"));
    }
  }

  new MutationObserver(formatSegments).observe(editor, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  formatSegments();
})();

// The page's UI strings (in the editor's language), written by the server into <script id="ce-labels">.
let labels;

export function label(key, ...args) {
  labels ??= JSON.parse(document.getElementById('ce-labels')?.textContent || '{}');
  let text = labels[key] ?? key;
  args.forEach((arg, i) => {
    text = text.replaceAll(`{${i}}`, String(arg));
  });
  return text;
}

/** Tells the page's forms that something changed (the unsaved-changes warning listens for input events). */
export function changed(element) {
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

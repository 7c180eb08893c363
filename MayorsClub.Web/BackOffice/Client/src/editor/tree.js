// Opening and closing tree nodes; htmx loads a node's children the first time it is opened.
export function initTree() {
  document.addEventListener('click', (event) => {
    const toggle = event.target.closest('.ce-tree-toggle');
    if (!toggle) {
      return;
    }
    const open = toggle.getAttribute('aria-expanded') === 'true';
    toggle.setAttribute('aria-expanded', open ? 'false' : 'true');
    const children = document.getElementById(toggle.getAttribute('aria-controls'));
    if (children) {
      children.hidden = open;
    }
  });
}

/** On a narrow screen the tree starts folded away above the editor. */
export function foldTreeOnNarrowScreens() {
  if (window.matchMedia('(max-width: 900px)').matches) {
    document.querySelectorAll('[data-tree-panel]').forEach((panel) => { panel.open = false; });
  }
}

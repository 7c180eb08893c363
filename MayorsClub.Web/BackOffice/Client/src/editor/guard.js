// Not losing work: confirm before a side-panel form (unpublish, schedule, trash) reloads the page over unsaved
// edits, and before deleting; the language switch for narrow screens.
import { label } from './labels.js';

export function initGuards() {
  const editorForm = document.querySelector('form[data-editor-form]');
  let dirty = false;
  editorForm?.addEventListener('input', () => { dirty = true; });
  editorForm?.addEventListener('change', () => { dirty = true; });

  // Capture phase, before the back office's own listener marks the page clean.
  document.addEventListener('submit', (event) => {
    const form = event.target;
    const refuse = () => {
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      refuse();
      return;
    }
    if (dirty && form !== editorForm && form.hasAttribute('data-leaves-editor') && !window.confirm(label('action.unsavedConfirm'))) {
      refuse();
    }
  }, true);

  const languageSwitch = document.querySelector('[data-language-switch]');
  if (languageSwitch && editorForm) {
    languageSwitch.hidden = false;
    languageSwitch.addEventListener('change', (event) => {
      editorForm.dataset.show = event.target.value;
    });
  }
}

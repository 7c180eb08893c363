// Content pickers: choose documents from the content tree in a dialog; each chosen key is a hidden input.
import { label, changed } from './labels.js';

let active = null;

export function initPickers(root) {
  const dialog = document.getElementById('ce-picker-dialog');
  root.addEventListener('click', (event) => {
    const open = event.target.closest('[data-open-picker]');
    if (open && dialog) {
      active = open.closest('[data-content-picker]');
      const tree = dialog.querySelector('[data-picker-tree]');
      if (!tree.dataset.loaded) {
        tree.dataset.loaded = 'true';
        window.htmx.ajax('GET', tree.dataset.src, { target: tree, swap: 'innerHTML' });
      }
      dialog.showModal();
      return;
    }

    const remove = event.target.closest('[data-remove-picked]');
    if (remove) {
      const picker = remove.closest('[data-content-picker]');
      remove.closest('li').remove();
      refresh(picker);
      picker.querySelector('[data-open-picker]').focus();
      changed(picker);
    }
  });

  dialog?.addEventListener('click', (event) => {
    if (event.target.closest('[data-close-dialog]')) {
      dialog.close();
      return;
    }
    const pick = event.target.closest('[data-pick-key]');
    if (pick && active) {
      addPicked(active, pick.dataset.pickKey, pick.dataset.pickName);
      dialog.close();
      active.querySelector('[data-open-picker]').focus();
    }
  });
}

/** Adds a document to a picker (replacing the one there when only one is allowed). */
export function addPicked(picker, key, name) {
  const list = picker.querySelector('[data-picked]');
  if ([...list.children].some((li) => li.dataset.key === key)) {
    return;
  }
  if (picker.dataset.multiple !== 'true') {
    list.replaceChildren();
  }

  const item = document.createElement('li');
  item.dataset.key = key;
  const text = document.createElement('span');
  text.textContent = name;
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = picker.dataset.name;
  input.value = key;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'ce-icon-button';
  button.dataset.removePicked = '';
  button.setAttribute('aria-label', label('picker.remove', name));
  button.textContent = '×';
  item.append(text, input, button);
  list.append(item);
  refresh(picker);
  changed(picker);
}

export function clearPicked(picker) {
  picker.querySelector('[data-picked]').replaceChildren();
  refresh(picker);
}

function refresh(picker) {
  picker.querySelector('[data-picked-none]').hidden = picker.querySelector('[data-picked] li') !== null;
}

// Media pickers: a field's chosen files (a hidden input each, in order; remove, move up and down), and the media
// library dialog that browses folders (htmx), filters by name, uploads into the folder shown and chooses one file
// or several. The rich-text editor's image button uses the same dialog.
import { label, changed } from './labels.js';
import { setUpMediaUploads } from '../media/upload.js';

let dialog = null;
let request = null;
const selected = new Map();
const lastFolder = {};

/**
 * Opens the library dialog at `url` (the picker's kind: Images or Files). `onChoose` gets the chosen files, each
 * { key, name, label, thumb, position, url, width, height, alt: { uk, en } }. False when the page has no dialog.
 */
export function openMediaDialog({ url, kind, multiple, opener, onChoose }) {
  dialog ??= setUpDialog();
  if (!dialog) {
    return false;
  }

  request = { kind, multiple, opener, onChoose, first: true };
  selected.clear();
  updateSelection();
  const folder = lastFolder[kind];
  window.htmx.ajax('GET', folder ? `${url}&folder=${folder}` : url, { target: browser(), swap: 'innerHTML' });
  dialog.showModal();
  return true;
}

export function initMediaPickers(root) {
  root.addEventListener('click', (event) => {
    const open = event.target.closest('[data-open-media-picker]');
    if (open) {
      const picker = open.closest('[data-media-picker]');
      openMediaDialog({
        url: picker.dataset.browse,
        kind: picker.dataset.kind,
        multiple: picker.dataset.multiple === 'true',
        opener: open,
        onChoose: (items) => items.forEach((item) => addMedia(picker, item)),
      });
      return;
    }

    const remove = event.target.closest('[data-remove-media]');
    if (remove) {
      const picker = remove.closest('[data-media-picker]');
      const item = remove.closest('li');
      const neighbour = item.nextElementSibling ?? item.previousElementSibling;
      item.remove();
      refresh(picker);
      (neighbour?.querySelector('[data-remove-media]') ?? picker.querySelector('[data-open-media-picker]')).focus();
      changed(picker);
      return;
    }

    const move = event.target.closest('[data-move-media]');
    if (move) {
      const picker = move.closest('[data-media-picker]');
      const item = move.closest('li');
      const up = move.dataset.moveMedia === 'up';
      const other = up ? item.previousElementSibling : item.nextElementSibling;
      if (other) {
        if (up) {
          other.before(item);
        } else {
          other.after(item);
        }
        move.focus();
        changed(picker);
      }
    }
  });
}

/** Adds a file to a picker (replacing the one there when only one is allowed). */
export function addMedia(picker, media) {
  const list = picker.querySelector('[data-picked]');
  if ([...list.children].some((li) => li.dataset.key === media.key)) {
    return;
  }
  if (picker.dataset.multiple !== 'true') {
    list.replaceChildren();
  }

  const item = document.createElement('li');
  item.dataset.key = media.key;
  let thumb;
  if (media.thumb) {
    thumb = document.createElement('img');
    thumb.src = media.thumb;
    thumb.alt = '';
    if (media.position) {
      thumb.setAttribute('style', media.position);
    }
  } else {
    thumb = document.createElement('span');
    thumb.className = 'ce-media-filetype';
    thumb.setAttribute('aria-hidden', 'true');
    thumb.textContent = media.label;
  }
  thumb.classList.add('ce-media-thumb');
  const name = document.createElement('span');
  name.className = 'ce-media-name';
  name.textContent = media.name;
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = picker.dataset.name;
  input.value = media.key;
  item.append(thumb, name, input);
  if (picker.dataset.multiple === 'true') {
    item.append(button('↑', label('media.up', media.name), { moveMedia: 'up' }), button('↓', label('media.down', media.name), { moveMedia: 'down' }));
  }
  const remove = button('×', label('picker.remove', media.name), { removeMedia: '' });
  remove.classList.add('ce-danger-text');
  item.append(remove);
  list.append(item);
  refresh(picker);
  changed(picker);
}

/** Puts a copy of one picker's files into another (copying a language into the other). */
export function copyMedia(source, target) {
  const list = target.querySelector('[data-picked]');
  list.replaceChildren(...[...source.querySelectorAll('[data-picked] li')].map((item) => {
    const copy = item.cloneNode(true);
    copy.querySelector('input[type=hidden]').name = target.dataset.name;
    return copy;
  }));
  refresh(target);
}

function button(text, name, data) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'ce-icon-button';
  element.textContent = text;
  element.title = name;
  element.setAttribute('aria-label', name);
  Object.assign(element.dataset, data);
  return element;
}

function refresh(picker) {
  picker.querySelector('[data-picked-none]').hidden = picker.querySelector('[data-picked] li') !== null;
}

function browser() {
  return dialog.querySelector('#ce-media-browser');
}

function setUpDialog() {
  const element = document.getElementById('ce-media-dialog');
  if (!element) {
    return null;
  }

  element.addEventListener('click', (event) => {
    if (event.target.closest('[data-close-dialog]')) {
      element.close();
      return;
    }
    const item = event.target.closest('[data-media-item]');
    if (item) {
      toggle(item);
      return;
    }
    if (event.target.closest('[data-confirm-media]')) {
      confirm();
    }
  });
  // A double click (or Enter twice) on a file chooses it at once.
  element.addEventListener('dblclick', (event) => {
    const item = event.target.closest('[data-media-item]');
    if (item) {
      selected.set(item.dataset.key, dataOf(item));
      confirm();
    }
  });
  element.addEventListener('htmx:afterSwap', () => {
    const page = browser().querySelector('[data-media-browser-page]');
    if (request && page) {
      lastFolder[request.kind] = page.dataset.folder || undefined;
    }
    setUpMediaUploads(browser());
    markSelected();
  });
  // Focus moves once htmx has settled the new folder: its filter and buttons are wired up only then, so keys typed
  // straight after the dialog opens are not lost.
  element.addEventListener('htmx:afterSettle', (event) => {
    if (event.detail.target === browser() && request) {
      // Opening the dialog puts the caret in the filter; going to another folder, on the folder's name.
      (request.first ? browser().querySelector('#mp-filter') : browser().querySelector('[data-focus-after-load]'))?.focus();
      request.first = false;
    }
  });
  element.addEventListener('media:uploaded', (event) => {
    const keys = (event.detail?.files ?? []).map((file) => file.key);
    let any = false;
    for (const key of keys) {
      const item = browser().querySelector(`[data-media-item][data-key="${key}"]`);
      if (item) {
        if (!request.multiple) {
          selected.clear();
        }
        selected.set(key, dataOf(item));
        any = true;
      }
    }
    markSelected();
    updateSelection(any ? label('media.uploadedSelected') : null);
  });
  element.addEventListener('close', () => {
    request?.opener?.focus();
  });
  return element;
}

function toggle(item) {
  const key = item.dataset.key;
  if (selected.has(key)) {
    selected.delete(key);
  } else {
    if (!request.multiple) {
      selected.clear();
    }
    selected.set(key, dataOf(item));
  }
  markSelected();
  updateSelection();
}

function confirm() {
  if (!request || selected.size === 0) {
    return;
  }
  const items = [...selected.values()];
  const { onChoose } = request;
  dialog.close();
  onChoose(items);
}

function markSelected() {
  browser().querySelectorAll('[data-media-item]').forEach((item) => {
    item.setAttribute('aria-pressed', selected.has(item.dataset.key) ? 'true' : 'false');
  });
}

function updateSelection(message) {
  const names = [...selected.values()].map((item) => item.name).join(', ');
  const text = selected.size === 0 ? label('media.selectedNone') : label('media.selected', names);
  dialog.querySelector('[data-media-selection]').textContent = message ? `${text}. ${message}` : text;
  dialog.querySelector('[data-confirm-media]').disabled = selected.size === 0;
}

function dataOf(item) {
  const number = (value) => (value ? Number(value) : null);
  const d = item.dataset;
  return {
    key: d.key,
    name: d.name,
    label: d.label,
    thumb: d.thumb || null,
    position: d.position || null,
    url: d.url || null,
    width: number(d.width),
    height: number(d.height),
    alt: { uk: d.altUk || '', en: d.altEn || '' },
  };
}

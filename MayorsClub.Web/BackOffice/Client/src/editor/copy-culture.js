// "Copy to the other language": fills the other language's fields (name, segment, text, blocks, pickers) from
// this one, in the form only, so the editor can translate and then save.
import { label, changed } from './labels.js';
import { addBlock } from './blocks.js';
import { addPicked, clearPicked } from './pickers.js';
import { copyMedia } from './media-picker.js';

export function initCopy(form) {
  form.addEventListener('click', (event) => {
    const button = event.target.closest('[data-copy-from]');
    if (!button) {
      return;
    }
    const { copyFrom: from, copyTo: to } = button.dataset;
    if (hasText(form, to) && !window.confirm(label('action.copyConfirm'))) {
      return;
    }
    copyCulture(form, from, to);
    changed(form);
    let status = button.parentElement.querySelector('[data-copy-status]');
    if (!status) {
      status = document.createElement('p');
      status.className = 'ce-hint';
      status.setAttribute('role', 'status');
      status.dataset.copyStatus = '';
      button.after(status);
    }
    status.textContent = label('action.copied');
  });
}

function cells(form, culture) {
  return [...form.querySelectorAll(`.ce-cell[data-culture="${culture}"][data-field]`)];
}

function hasText(form, culture) {
  return cells(form, culture).some((cell) =>
    controls(cell).some((el) => el.tagName !== 'SELECT' && el.type !== 'checkbox' && el.value.trim() !== '')
    || cell.querySelector('[data-picked] li, [data-block]') !== null);
}

export function copyCulture(form, from, to) {
  for (const source of cells(form, from)) {
    const target = form.querySelector(`.ce-cell[data-culture="${to}"][data-field="${source.dataset.field}"]`);
    if (target) {
      copyCell(source, target);
    }
  }
}

function copyCell(source, target) {
  const sourceList = source.querySelector('[data-blocklist]');
  if (sourceList) {
    const targetList = target.querySelector('[data-blocklist]');
    targetList.querySelector(':scope > [data-blocks]').replaceChildren();
    for (const block of sourceList.querySelectorAll(':scope > [data-blocks] > [data-block]')) {
      const copy = addBlock(targetList);
      copyControls(block, copy);
      copyMediaPickers(block, copy);
    }
    return;
  }

  const sourceMedia = source.querySelector('[data-media-picker]');
  if (sourceMedia) {
    copyMedia(sourceMedia, target.querySelector('[data-media-picker]'));
    return;
  }

  const sourcePicker = source.querySelector('[data-content-picker]');
  if (sourcePicker) {
    const targetPicker = target.querySelector('[data-content-picker]');
    clearPicked(targetPicker);
    for (const item of sourcePicker.querySelectorAll('[data-picked] li')) {
      addPicked(targetPicker, item.dataset.key, item.querySelector('span').textContent);
    }
    return;
  }

  copyControls(source, target);
}

function copyMediaPickers(source, target) {
  const to = [...target.querySelectorAll('[data-media-picker]')];
  source.querySelectorAll('[data-media-picker]').forEach((picker, index) => {
    if (to[index]) {
      copyMedia(picker, to[index]);
    }
  });
}

function controls(root) {
  return [...root.querySelectorAll('input:not([type=hidden]), textarea, select')];
}

function copyControls(source, target) {
  const from = controls(source);
  const to = controls(target);
  from.forEach((element, index) => {
    const other = to[index];
    if (!other) {
      return;
    }
    if (element.type === 'checkbox' || element.type === 'radio') {
      other.checked = element.checked;
    } else if (other.dataset.mounted === 'true') {
      other.dispatchEvent(new CustomEvent('ce:set-html', { detail: element.value }));
    } else {
      other.value = element.value;
    }
  });
}

// Block lists: repeatable sub-forms of an element type. Blocks are added from the list's <template>, removed and
// moved up or down; the form sends their ids in order ("{field}.block"), so moving needs no renumbering.
import { changed } from './labels.js';

let enhance = () => {};

/** What to do with a new block's fields (mount rich-text editors…). */
export function setBlockEnhancer(fn) {
  enhance = fn;
}

/** Adds an empty block at the end of a block list and returns it. */
export function addBlock(list) {
  const template = list.querySelector(':scope > template[data-block-template]');
  const id = String(Number(list.dataset.next || 0));
  list.dataset.next = String(Number(id) + 1);
  const holder = document.createElement('template');
  holder.innerHTML = template.innerHTML.replaceAll('__id__', id);
  const block = holder.content.firstElementChild;
  list.querySelector(':scope > [data-blocks]').append(block);
  enhance(block);
  return block;
}

export function initBlocks(root) {
  root.addEventListener('click', (event) => {
    const add = event.target.closest('[data-add-block]');
    if (add) {
      const list = add.closest('[data-blocklist]');
      const block = addBlock(list);
      block.querySelector('input:not([type=hidden]), textarea, select')?.focus();
      changed(list);
      return;
    }

    const block = event.target.closest('[data-block]');
    const button = event.target.closest('button');
    if (!block || !button) {
      return;
    }

    const list = block.closest('[data-blocklist]');
    if (button.matches('[data-block-remove]')) {
      const neighbour = block.nextElementSibling ?? block.previousElementSibling;
      block.remove();
      (neighbour?.querySelector('[data-block-remove]') ?? list.querySelector('[data-add-block]')).focus();
      changed(list);
    } else if (button.matches('[data-block-up]') && block.previousElementSibling) {
      block.previousElementSibling.before(block);
      button.focus();
      changed(list);
    } else if (button.matches('[data-block-down]') && block.nextElementSibling) {
      block.nextElementSibling.after(block);
      button.focus();
      changed(list);
    }
  });
}

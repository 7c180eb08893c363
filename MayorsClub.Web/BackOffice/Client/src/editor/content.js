// The content section's browser code: the rich-text editor (TipTap), block lists, content and media pickers, copying a
// language into the other, tabs, the tree, sorting, and guards against losing unsaved work.
import './content.css';
import { mountRichText } from './rich-text.js';
import { initBlocks, setBlockEnhancer } from './blocks.js';
import { initPickers } from './pickers.js';
import { initMediaPickers } from './media-picker.js';
import { initCopy } from './copy-culture.js';
import { initTabs } from './tabs.js';
import { initTree, foldTreeOnNarrowScreens } from './tree.js';
import { initSort } from './sort.js';
import { initGuards } from './guard.js';
import { changed } from './labels.js';

function enhance(root) {
  root.querySelectorAll('[data-richtext] textarea').forEach(mountRichText);
}

setBlockEnhancer(enhance);
enhance(document);
initTree();
foldTreeOnNarrowScreens();
initBlocks(document);
initPickers(document);
initMediaPickers(document);
initGuards();
const form = document.querySelector('form[data-editor-form]');
if (form) {
  initCopy(form);
  initTabs(form);
  // A refused save shows what was typed: it is still unsaved, so leaving the page warns.
  if (form.dataset.unsavedInput === 'true') {
    changed(form);
  }
}
document.querySelectorAll('[data-sortable]').forEach(initSort);
document.querySelector('[data-error-summary]')?.focus();

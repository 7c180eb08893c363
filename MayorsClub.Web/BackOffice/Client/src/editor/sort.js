// Sorting a list by dragging its rows, or with the Up and Down buttons (keyboard and touch); the hidden inputs
// follow their rows, so the form sends the new order.
import { label, changed } from './labels.js';

export function initSort(list) {
  const status = list.parentElement.querySelector('[data-sort-status]');
  const announce = (item) => {
    if (status && item) {
      status.textContent = label('sort.movedTo', item.dataset.name, [...list.children].indexOf(item) + 1);
    }
  };
  let dragged = null;

  list.addEventListener('dragstart', (event) => {
    dragged = event.target.closest('li');
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', dragged.dataset.key);
    dragged.classList.add('is-dragging');
  });
  list.addEventListener('dragover', (event) => {
    if (!dragged) {
      return;
    }
    event.preventDefault();
    const over = event.target.closest('li');
    if (!over || over === dragged || over.parentElement !== list) {
      return;
    }
    const box = over.getBoundingClientRect();
    if (event.clientY > box.top + box.height / 2) {
      over.after(dragged);
    } else {
      over.before(dragged);
    }
  });
  list.addEventListener('drop', (event) => event.preventDefault());
  list.addEventListener('dragend', () => {
    if (!dragged) {
      return;
    }
    dragged.classList.remove('is-dragging');
    announce(dragged);
    changed(list);
    dragged = null;
  });

  list.addEventListener('click', (event) => {
    const button = event.target.closest('[data-sort-up], [data-sort-down]');
    const item = button?.closest('li');
    if (!item) {
      return;
    }
    if (button.matches('[data-sort-up]') && item.previousElementSibling) {
      item.previousElementSibling.before(item);
    } else if (button.matches('[data-sort-down]') && item.nextElementSibling) {
      item.nextElementSibling.after(item);
    } else {
      return;
    }
    button.focus();
    announce(item);
    changed(list);
  });
}

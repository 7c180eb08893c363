// The back office's browser code. Pages are server-rendered; this adds Umbraco's UI components,
// htmx for partial updates, and a warning before leaving a page with unsaved changes.
import '@umbraco-ui/uui';
import htmx from 'htmx.org';
import { initDates } from './dates.js';

// New content is wired up (its hx- attributes, its focus) as it is swapped in, not 20 ms later: nothing here animates
// through htmx's settling classes, and a click or a key in that gap would otherwise be lost.
htmx.config.defaultSettleDelay = 0;
window.htmx = htmx;

// Date fields in the interface language's form (19.05.2026), sending the same ISO value.
initDates();

// Every htmx request carries the antiforgery token of the page.
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="request-verification-token"]')?.content;
  if (token) {
    event.detail.headers['RequestVerificationToken'] = token;
  }
});

// Forms marked data-warn-unsaved ask before the editor leaves with unsaved changes.
let dirty = false;
document.addEventListener('input', (event) => {
  if (event.target.closest('form[data-warn-unsaved]')) {
    dirty = true;
  }
});
document.addEventListener('submit', () => {
  dirty = false;
});
window.addEventListener('beforeunload', (event) => {
  if (dirty) {
    event.preventDefault();
    event.returnValue = '';
  }
});
import './media/index.js';

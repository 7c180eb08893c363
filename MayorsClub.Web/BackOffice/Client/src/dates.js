// Dates in the interface language's form. A browser's <input type="date"> and "datetime-local" show dates the way the
// browser's own locale does (05/19/2026 in a Ukrainian interface); each one gets a text field in the interface's form
// instead (19.05.2026 in uk, 19/05/2026 in en) with a calendar button, while the original input, hidden, keeps the
// ISO value (2026-05-19, 2026-05-19T14:30) the form sends. Without JavaScript the browser's input stays as it was.
import { createElement, Calendar } from 'lucide';

const texts = {
  uk: {
    separator: '.',
    date: 'ДД.ММ.РРРР',
    time: 'ГГ:ХХ',
    format: 'Формат: {0}, наприклад {1}.',
    invalid: 'Введіть дату у форматі {0}, наприклад {1}.',
    pick: 'Вибрати в календарі',
  },
  en: {
    separator: '/',
    date: 'DD/MM/YYYY',
    time: 'hh:mm',
    format: 'Format: {0}, for example {1}.',
    invalid: 'Enter the date as {0}, for example {1}.',
    pick: 'Choose from the calendar',
  },
};

const enhanced = new WeakMap();
let generatedIds = 0;

function language() {
  return document.documentElement.lang === 'en' ? 'en' : 'uk';
}

function fill(text, ...args) {
  return args.reduce((result, arg, i) => result.replaceAll(`{${i}}`, arg), text);
}

const pad = (n) => String(n).padStart(2, '0');

/** The ISO value ("2026-05-19" or "2026-05-19T14:30") in the interface's form; '' for an empty or unreadable value. */
export function formatDate(iso, withTime, lang = language()) {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso || '');
  if (!match) {
    return '';
  }
  const [, year, month, day, hour, minute] = match;
  const date = [day, month, year].join(texts[lang].separator);
  return withTime ? `${date} ${hour ?? '00'}:${minute ?? '00'}` : date;
}

/**
 * The ISO value of what was typed: day, month and year in that order (separated by ".", "/" or "-"), then for a
 * date-time the hours and minutes; an ISO date is understood too. '' when empty; null when it is not a real date.
 */
export function parseDate(text, withTime) {
  const value = text.trim();
  if (value === '') {
    return '';
  }
  const time = withTime ? String.raw`(?:[\sT,]+(\d{1,2})[:.](\d{2}))` : '';
  const local = new RegExp(String.raw`^(\d{1,2})[./-](\d{1,2})[./-](\d{4})${time}$`).exec(value);
  const iso = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${time}$`).exec(value);
  let day;
  let month;
  let year;
  let hour;
  let minute;
  if (local) {
    [, day, month, year, hour, minute] = local.map(Number);
  } else if (iso) {
    [, year, month, day, hour, minute] = iso.map(Number);
  } else {
    return null;
  }
  const check = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (!withTime) {
    return date;
  }
  if (!(hour <= 23 && minute <= 59)) {
    return null;
  }
  return `${date}T${pad(hour)}:${pad(minute)}`;
}

/** Puts a localized text field in front of every browser date input under root. */
export function enhanceDates(root) {
  root.querySelectorAll?.('input[type="date"], input[type="datetime-local"]').forEach(enhance);
}

function enhance(native) {
  if (enhanced.has(native) || native.closest('template')) {
    return;
  }
  if (!native.id) {
    generatedIds += 1;
    native.id = `bo-date-${generatedIds}`;
  }
  const lang = language();
  const t = texts[lang];
  const withTime = native.type === 'datetime-local';
  const pattern = withTime ? `${t.date} ${t.time}` : t.date;
  const example = withTime ? formatDate('2026-05-19T14:30', true, lang) : formatDate('2026-05-19', false, lang);

  const wrapper = document.createElement('span');
  wrapper.className = `bo-date${withTime ? ' bo-date--time' : ''}`;
  const text = document.createElement('input');
  text.type = 'text';
  text.id = native.id;
  text.className = native.className;
  text.inputMode = 'numeric';
  text.autocomplete = 'off';
  text.spellcheck = false;
  text.placeholder = pattern;
  text.value = formatDate(native.value, withTime, lang);
  text.dataset.dateText = withTime ? 'datetime' : 'date';
  const hint = document.createElement('span');
  hint.className = 'bo-visually-hidden';
  hint.id = `${native.id}-format`;
  hint.textContent = fill(t.format, pattern, example);
  const describedBy = [native.getAttribute('aria-describedby'), hint.id].filter(Boolean).join(' ');
  text.setAttribute('aria-describedby', describedBy);
  if (native.hasAttribute('aria-invalid')) {
    text.setAttribute('aria-invalid', native.getAttribute('aria-invalid'));
  }
  if (native.required) {
    text.required = true;
  }

  const pick = document.createElement('button');
  pick.type = 'button';
  pick.className = 'bo-date-pick';
  pick.title = t.pick;
  pick.setAttribute('aria-label', t.pick);
  const icon = createElement(Calendar, { width: 18, height: 18, 'aria-hidden': 'true', focusable: 'false' });
  pick.append(icon);

  // The original input stays in the form, under the text field, for its name, its ISO value and the browser's calendar.
  native.id = `${native.id}-iso`;
  native.classList.add('bo-date-native');
  native.tabIndex = -1;
  native.setAttribute('aria-hidden', 'true');
  native.removeAttribute('aria-describedby');
  native.required = false;
  native.before(wrapper);
  wrapper.append(text, pick, native, hint);

  const error = document.createElement('p');
  error.className = 'bo-date-error';
  error.id = `${text.id}-date-error`;
  error.hidden = true;
  wrapper.after(error);

  const field = { text, native, withTime, error, message: fill(t.invalid, pattern, example) };
  enhanced.set(native, field);
  enhanced.set(text, field);

  text.addEventListener('input', () => {
    const iso = parseDate(text.value, withTime);
    if (iso !== null) {
      native.value = iso;
      showError(field, false);
    } else {
      text.setCustomValidity(field.message);
    }
  });
  text.addEventListener('change', () => {
    const iso = parseDate(text.value, withTime);
    showError(field, iso === null);
    if (iso) {
      text.value = formatDate(iso, withTime, lang);
    }
  });
  native.addEventListener('change', () => {
    text.value = formatDate(native.value, withTime, lang);
    showError(field, false);
    text.dispatchEvent(new Event('input', { bubbles: true }));
  });
  pick.addEventListener('click', () => {
    try {
      native.showPicker();
    } catch {
      text.focus();
    }
  });
}

function showError(field, invalid) {
  const { text, error, message } = field;
  text.setCustomValidity(invalid ? message : '');
  error.hidden = !invalid;
  error.textContent = invalid ? message : '';
  const ids = (text.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && id !== error.id);
  if (invalid) {
    ids.unshift(error.id);
    text.setAttribute('aria-invalid', 'true');
  } else if (text.getAttribute('aria-invalid') === 'true' && !text.closest('.ce-field--error')) {
    text.removeAttribute('aria-invalid');
  }
  text.setAttribute('aria-describedby', ids.join(' '));
}

/** A form with a date that cannot be read is not sent (its hidden ISO value would be empty): the field says why. */
function refuseUnreadableDates(event) {
  const invalid = [...event.target.querySelectorAll('input[data-date-text]')]
    .map((text) => enhanced.get(text))
    .filter((field) => field && parseDate(field.text.value, field.withTime) === null);
  if (invalid.length === 0) {
    return;
  }
  event.preventDefault();
  event.stopImmediatePropagation();
  invalid.forEach((field) => showError(field, true));
  invalid[0].text.focus();
}

export function initDates() {
  enhanceDates(document);
  document.addEventListener('submit', refuseUnreadableDates, true);
  // Date fields that arrive later (a new block, an htmx swap) are enhanced as they appear.
  new MutationObserver((changes) => {
    for (const change of changes) {
      change.addedNodes.forEach((node) => {
        if (node.nodeType === Node.ELEMENT_NODE) {
          if (node.matches('input[type="date"], input[type="datetime-local"]')) {
            enhance(node);
          } else {
            enhanceDates(node);
          }
        }
      });
    }
  }).observe(document.body, { childList: true, subtree: true });
}

// The events calendar's small enhancements (the page works without them):
// - filters sent by htmx leave out empty fields, so the address bar shows only the filters in use;
// - "Show in my time zone" links to the page with the browser's own zone (tz=...);
// - in the month grid, the arrow keys move between days (Home/End: the week's first and last day).
(function () {
  'use strict';

  document.addEventListener('htmx:configRequest', function (event) {
    var form = event.detail.elt;
    if (!form || !form.classList || !form.classList.contains('calendar-filters')) {
      return;
    }
    var data = event.detail.formData;
    if (data && typeof data.keys === 'function') {
      var empty = [];
      data.forEach(function (value, key) { if (value === '') { empty.push(key); } });
      empty.forEach(function (key) { data.delete(key); });
    }
    if (data && data.get && data.get('view') === 'list') {
      data.delete('view');
    }
  });

  function browserZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
    } catch (e) {
      return null;
    }
  }

  function showMyZoneLinks(root) {
    var zone = browserZone();
    if (!zone) {
      return;
    }
    (root || document).querySelectorAll('[data-calendar-my-zone]').forEach(function (link) {
      var url = new URL(window.location.href);
      url.searchParams.set('tz', zone);
      url.searchParams.delete('page');
      link.href = url.pathname + url.search;
      link.hidden = false;
    });
  }

  document.addEventListener('DOMContentLoaded', function () { showMyZoneLinks(document); });
  document.addEventListener('htmx:afterSettle', function () { showMyZoneLinks(document); });

  function addDays(iso, days) {
    var parts = iso.split('-');
    var date = new Date(Date.UTC(+parts[0], +parts[1] - 1, +parts[2] + days));
    return date.toISOString().slice(0, 10);
  }

  document.addEventListener('keydown', function (event) {
    var cell = event.target.closest && event.target.closest('[data-calendar-grid] td[data-date]');
    if (!cell) {
      return;
    }
    var steps = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    var weekday = (cell.cellIndex + 7) % 7;
    var step = steps[event.key];
    if (event.key === 'Home') { step = -weekday; }
    if (event.key === 'End') { step = 6 - weekday; }
    if (step === undefined || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var grid = cell.closest('[data-calendar-grid]');
    var next = grid.querySelector('td[data-date="' + addDays(cell.getAttribute('data-date'), step) + '"]');
    if (!next) {
      return;
    }
    event.preventDefault();
    (next.querySelector('a') || next).focus();
  });
})();

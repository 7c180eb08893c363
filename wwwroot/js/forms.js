// Public forms on cached pages: the page carries no antiforgery token and no start time, so the first time the
// visitor touches a form[data-fetch-token] this asks /forms/token for both and fills the form's hidden inputs.
// A form sent before the answer arrives waits for it. Without JavaScript the server asks to send the form again.
(() => {
  'use strict';

  let pending = null;
  const tokens = () => {
    pending ??= fetch('/forms/token', { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .catch((error) => { pending = null; throw error; });
    return pending;
  };

  const fill = (form, name, value) => {
    let input = form.querySelector(`input[type="hidden"][name="${name}"]`);
    if (!input) {
      input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      form.appendChild(input);
    }
    input.value = value;
  };

  const prepare = (form) => tokens().then(({ token, started }) => {
    fill(form, '__RequestVerificationToken', token);
    if (!form.dataset.started) {
      form.dataset.started = 'yes';
      fill(form, '_started', started);
    }
  });

  document.querySelectorAll('form[data-fetch-token]').forEach((form) => {
    form.addEventListener('focusin', () => { prepare(form).catch(() => {}); }, { once: true });
    form.addEventListener('submit', (event) => {
      if (form.dataset.ready === 'yes') {
        return;
      }
      event.preventDefault();
      const send = () => { form.dataset.ready = 'yes'; form.submit(); };
      prepare(form).then(send, send);
    });
  });
})();

// Media section (and the content editor's media dialog): upload by drag and drop (or the file chooser) of several
// files at once, each with its own progress bar and its own answer. Without this script the same form posts the
// files the plain way. When done, the form's item list is shown again and the form tells "media:uploaded" with the
// server's answers (the dialog selects the new files).

const MAX_PARALLEL = 2;

function token() {
  return document.querySelector('meta[name="request-verification-token"]')?.content ?? '';
}

function guessLimit(file, limits) {
  const type = file.type || '';
  if (type.startsWith('image/')) return limits.image;
  if (type.startsWith('video/')) return limits.video;
  if (type === 'application/pdf' || type.includes('officedocument')) return limits.document;
  return Math.max(limits.image, limits.document, limits.video);
}

function format(template, ...args) {
  return args.reduce((text, arg, i) => text.replaceAll(`{${i}}`, String(arg)), template);
}

function progressRow(list, file) {
  const row = document.createElement('li');
  const name = document.createElement('span');
  name.className = 'media-file-name';
  name.textContent = file.name;
  const bar = document.createElement('progress');
  bar.max = 100;
  bar.value = 0;
  bar.setAttribute('aria-label', file.name);
  const status = document.createElement('span');
  status.className = 'media-upload-status';
  row.append(name, bar, status);
  list.append(row);
  return { row, bar, status };
}

function finish(view, ok, message, link, texts) {
  view.bar.value = ok ? 100 : view.bar.value;
  view.status.className = `media-upload-status ${ok ? 'is-done' : 'is-error'}`;
  view.status.textContent = message;
  view.row.dataset.state = ok ? 'done' : 'error';
  if (ok && link && texts.open) {
    view.status.append(' · ');
    const a = document.createElement('a');
    a.href = link;
    a.textContent = texts.open;
    view.status.append(a);
  }
}

function uploadOne(form, file, view, texts, limits) {
  return new Promise((resolve) => {
    // A hint only, to spare a long wait for a file that is plainly too big; the server decides.
    const limit = guessLimit(file, limits);
    if (file.size > limit) {
      finish(view, false, format(texts.tooLarge, file.name, Math.ceil(limit / 1048576)), null, texts);
      resolve(false);
      return;
    }

    const data = new FormData();
    data.append('membersOnly', form.querySelector('input[name="membersOnly"]')?.checked ? 'true' : 'false');
    data.append('files', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('RequestVerificationToken', token());
    view.status.textContent = texts.uploading;
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        view.bar.value = Math.round((event.loaded / event.total) * 100);
      }
    });
    xhr.addEventListener('load', () => {
      if (xhr.responseURL && new URL(xhr.responseURL).pathname === '/umbraco/login') {
        finish(view, false, texts.signedOut, null, texts);
        resolve(false);
        return;
      }
      let answer = null;
      try {
        answer = JSON.parse(xhr.responseText)?.files?.[0] ?? null;
      } catch {
        answer = null;
      }
      if (xhr.status < 300 && answer?.ok) {
        finish(view, true, texts.uploaded, answer.editUrl, texts);
        resolve(answer);
      } else {
        finish(view, false, answer?.message || `${texts.failed} (${xhr.status})`, null, texts);
        resolve(false);
      }
    });
    xhr.addEventListener('error', () => {
      finish(view, false, texts.network, null, texts);
      resolve(false);
    });
    xhr.send(data);
  });
}

// Shows the folder's items again (with the new files) without reloading the page and its upload answers.
async function refreshItems(id, source) {
  const current = document.getElementById(id);
  if (!current) return;
  const response = await fetch(source ?? window.location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
  if (!response.ok) return;
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const fresh = page.getElementById(id);
  if (fresh) {
    current.replaceWith(fresh);
    window.htmx?.process(fresh);
  }
}

function setUp(form) {
  if (form.dataset.enhanced === 'true') return;
  form.dataset.enhanced = 'true';
  const input = form.querySelector('input[type="file"]');
  const zone = form.querySelector('[data-media-dropzone]');
  const list = document.getElementById(form.dataset.progress);
  const texts = JSON.parse(form.dataset.texts);
  const limits = JSON.parse(form.dataset.limits);
  form.classList.add('media-upload--enhanced');

  async function uploadAll(files) {
    if (files.length === 0) return;
    list.replaceChildren();
    const jobs = files.map((file) => ({ file, view: progressRow(list, file) }));
    let next = 0;
    const uploaded = [];
    const worker = async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        const answer = await uploadOne(form, job.file, job.view, texts, limits);
        if (answer) uploaded.push(answer);
      }
    };
    await Promise.all(Array.from({ length: Math.min(MAX_PARALLEL, jobs.length) }, worker));
    if (uploaded.length > 0) {
      await refreshItems(form.dataset.items, form.dataset.itemsSource);
    }
    form.dispatchEvent(new CustomEvent('media:uploaded', { bubbles: true, detail: { files: uploaded } }));
  }

  input.addEventListener('change', () => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    uploadAll(files);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const files = Array.from(input.files ?? []);
    input.value = '';
    uploadAll(files);
  });
  for (const type of ['dragenter', 'dragover']) {
    zone.addEventListener(type, (event) => {
      event.preventDefault();
      zone.classList.add('is-dragover');
    });
  }
  for (const type of ['dragleave', 'dragend']) {
    zone.addEventListener(type, () => zone.classList.remove('is-dragover'));
  }
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('is-dragover');
    uploadAll(Array.from(event.dataTransfer?.files ?? []));
  });
}

export function setUpMediaUploads(root = document) {
  for (const form of root.querySelectorAll('form[data-media-upload]')) {
    setUp(form);
  }
}

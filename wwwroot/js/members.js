// Passkeys for members: the WebAuthn ceremony between ASP.NET Core Identity's JSON options and the browser.
// A form marked data-passkey="sign-in" or "add" asks its data-options-url for the options (POST, antiforgery header),
// runs navigator.credentials.get/create, puts the credential's JSON in its "Credential" field and submits itself.
(() => {
  'use strict';

  const toBytes = (base64url) => {
    const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer;
  };
  const toBase64url = (buffer) =>
    btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

  const creationOptions = (json) => {
    if (PublicKeyCredential.parseCreationOptionsFromJSON) {
      return PublicKeyCredential.parseCreationOptionsFromJSON(json);
    }
    return {
      ...json,
      challenge: toBytes(json.challenge),
      user: { ...json.user, id: toBytes(json.user.id) },
      excludeCredentials: (json.excludeCredentials || []).map((c) => ({ ...c, id: toBytes(c.id) })),
    };
  };

  const requestOptions = (json) => {
    if (PublicKeyCredential.parseRequestOptionsFromJSON) {
      return PublicKeyCredential.parseRequestOptionsFromJSON(json);
    }
    return {
      ...json,
      challenge: toBytes(json.challenge),
      allowCredentials: (json.allowCredentials || []).map((c) => ({ ...c, id: toBytes(c.id) })),
    };
  };

  const credentialJson = (credential) => {
    if (typeof credential.toJSON === 'function') {
      return JSON.stringify(credential.toJSON());
    }
    const response = {};
    for (const key of ['clientDataJSON', 'attestationObject', 'authenticatorData', 'signature', 'userHandle']) {
      if (credential.response[key]) {
        response[key] = toBase64url(credential.response[key]);
      }
    }
    if (typeof credential.response.getTransports === 'function') {
      response.transports = credential.response.getTransports();
    }
    return JSON.stringify({
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      response,
      clientExtensionResults: credential.getClientExtensionResults(),
    });
  };

  const antiforgeryToken = (form) => form.querySelector('input[name="__RequestVerificationToken"]')?.value || '';

  const show = (form, text) => {
    const message = form.querySelector('[data-passkey-message]');
    if (message) {
      message.textContent = text;
      message.hidden = false;
    }
  };

  for (const form of document.querySelectorAll('form[data-passkey]')) {
    form.addEventListener('submit', async (event) => {
      if (form.dataset.ready === 'true') {
        return;
      }
      event.preventDefault();
      if (!window.PublicKeyCredential || !navigator.credentials) {
        show(form, form.dataset.unsupported);
        return;
      }
      try {
        const response = await fetch(form.dataset.optionsUrl, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { RequestVerificationToken: antiforgeryToken(form) },
        });
        if (!response.ok) {
          throw new Error(`options: ${response.status}`);
        }
        const options = await response.json();
        const credential = form.dataset.passkey === 'add'
          ? await navigator.credentials.create({ publicKey: creationOptions(options) })
          : await navigator.credentials.get({ publicKey: requestOptions(options) });
        if (!credential) {
          throw new Error('no credential');
        }
        form.querySelector('input[name="Credential"]').value = credentialJson(credential);
        form.dataset.ready = 'true';
        form.submit();
      } catch (error) {
        console.warn('passkey', error);
        show(form, form.dataset.failed);
      }
    });
  }
})();

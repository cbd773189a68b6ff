// The Generate Token modal: form, then the token shown once with Copy and Download.
import { api } from './api.js';
import { el } from './dom.js';
import { closeModal, openModal } from './modal.js';

const $ = (id) => document.getElementById(id);

export function wireGenerate(isAdmin, onCreated) {
  const form = $('generate-form');
  const type = $('token-type');
  const expiration = $('token-expiration');
  const syncVisibility = () => {
    $('never-warning').hidden = expiration.value !== 'never';
    if (type) $('service-user-field').hidden = type.value !== 'service';
  };
  expiration.addEventListener('change', syncVisibility);
  type?.addEventListener('change', syncVisibility);

  $('generate').addEventListener('click', async () => {
    form.reset();
    form.hidden = false;
    $('generate-result').hidden = true;
    $('token-name-error').textContent = '';
    $('generate-error').textContent = '';
    $('token-name').removeAttribute('aria-invalid');
    // From the Service Tokens tab, Generate Token starts a service token.
    if (type) type.value = document.getElementById('tab-service')?.getAttribute('aria-selected') === 'true' ? 'service' : 'personal';
    syncVisibility();
    if (isAdmin) await loadServiceUsers();
    openModal('generate-dialog');
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    $('token-name-error').textContent = '';
    $('generate-error').textContent = '';
    $('token-name').removeAttribute('aria-invalid');
    const problem = nameProblem($('token-name').value);
    if (problem) {
      showNameError(problem);
      return;
    }
    if (type?.value === 'service' && !$('token-service-user').value) {
      $('generate-error').textContent = 'Choose the service user the token is for (create one on the Service Users tab first).';
      return;
    }
    const body = {
      name: $('token-name').value,
      expires_in_days: expiration.value === 'never' ? null : Number(expiration.value),
      scim_endpoints_only: $('token-scim')?.checked ?? false,
    };
    if (type?.value === 'service') body.user_id = $('token-service-user').value;
    try {
      const created = await api('POST', '/api/user-tokens', body);
      showOnce(created);
      onCreated();
    } catch (error) {
      if (error.status === 409 || /\bname\b/i.test(error.message)) showNameError(error.message);
      else $('generate-error').textContent = error.message;
    }
  });

  $('copy-token').addEventListener('click', async () => {
    const value = $('new-token').value;
    try {
      await navigator.clipboard.writeText(value);
      $('copy-status').textContent = 'Copied to the clipboard.';
    } catch {
      $('new-token').select();
      $('copy-status').textContent = 'Press Ctrl+C to copy the selected token.';
    }
  });

  $('download-token').addEventListener('click', () => {
    const name = $('new-token').dataset.tokenName;
    const url = URL.createObjectURL(new Blob([$('new-token').value], { type: 'text/plain' }));
    const link = el('a', { href: url, download: `${name}-token.txt` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });

  $('generate-done').addEventListener('click', () => closeModal('generate-dialog'));

  // However the dialog closes (Done, Escape, a click outside), the secret leaves the page.
  $('generate-dialog').addEventListener('close', () => {
    const input = $('new-token');
    input.value = '';
    delete input.dataset.tokenName;
    $('copy-status').textContent = '';
    $('generate-result').hidden = true;
    $('generate-form').hidden = false;
  });
}

function nameProblem(name) {
  if (!name.trim()) return 'Enter a name for the token.';
  if (name.length > 255) return 'The name can be at most 255 characters long.';
  return null;
}

function showNameError(message) {
  $('token-name-error').textContent = message;
  $('token-name').setAttribute('aria-invalid', 'true');
  $('token-name').focus();
}

function showOnce(created) {
  $('generate-form').hidden = true;
  $('generate-result').hidden = false;
  $('copy-status').textContent = '';
  const input = $('new-token');
  input.value = created.bearer_token;
  input.dataset.tokenName = created.name;
  input.focus();
  input.select();
}

async function loadServiceUsers() {
  const select = $('token-service-user');
  const users = await api('GET', '/api/service-users?active=true').catch(() => []);
  select.replaceChildren(...users.map((u) => el('option', { value: u.id, text: `${u.name} (${u.id})` })));
}

// Settings > Tokens: personal tokens for everyone; service tokens and service users for admins.
import { api } from './api.js';
import { closeModal, openModal, wireBackdropClose, wireCloseButtons } from './modal.js';
import { wireGenerate } from './generate.js';
import { renderTokens } from './token-table.js';
import { toast } from './toast.js';

const $ = (id) => document.getElementById(id);
const isAdmin = document.body.dataset.role === 'Admin';
// The service-users module is served to admins only, so it is loaded only on their pages.
const adminModule = () => import('./service-users.js');
let pendingDelete = null;

const actions = {
  async revoke(token) {
    await change(() => api('PUT', `/api/user-tokens/${encodeURIComponent(token.id)}`, { revoke: true }));
  },
  async restore(token) {
    await change(() => api('PUT', `/api/user-tokens/${encodeURIComponent(token.id)}`, { revoke: false }));
  },
  remove(token) {
    pendingDelete = token;
    $('delete-name').textContent = token.name;
    openModal('delete-dialog');
  },
};

async function change(call) {
  try {
    const result = await call();
    toast(result.message);
    await refresh();
  } catch (error) {
    toast(error.message, 'error');
  }
}

async function refresh() {
  try {
    const personal = await api('GET', '/api/user-tokens');
    renderTokens($('personal-rows'), personal.filter((t) => t.type === 'personal'), actions);
    $('personal-empty').hidden = personal.length > 0;
    if (isAdmin) {
      const service = await api('GET', '/api/user-tokens/service');
      renderTokens($('service-rows'), service, actions, { showOwner: true });
      $('service-empty').hidden = service.length > 0;
    }
  } catch (error) {
    toast(error.message, 'error');
  }
}

function wireTabs() {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  const select = (tab) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      $(other.getAttribute('aria-controls')).hidden = !selected;
    }
    $('generate').hidden = tab.id === 'tab-users';
    if (tab.id === 'tab-users') adminModule().then((m) => m.loadServiceUsers()).catch((error) => toast(error.message, 'error'));
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      const next = tabs[(index + step + tabs.length) % tabs.length];
      next.focus();
      select(next);
    });
  });
}

$('delete-confirm').addEventListener('click', async () => {
  const token = pendingDelete;
  closeModal('delete-dialog');
  // The guide's words for the confirmation.
  const done = token.type === 'service' ? 'Service token successfully deleted' : 'User token successfully deleted';
  await change(async () => {
    await api('DELETE', `/api/user-tokens/${encodeURIComponent(token.id)}`);
    return { message: done };
  });
});

wireCloseButtons();
wireBackdropClose();
wireTabs();
wireGenerate(isAdmin, refresh);
if (isAdmin) adminModule().then((m) => m.wireServiceUsers(refresh));
refresh();

// The Service Users tab (admins): create with role and teams, deactivate with typed confirmation, reactivate.
import { api } from './api.js';
import { clear, el } from './dom.js';
import { rowMenu } from './menu.js';
import { closeModal, openModal } from './modal.js';
import { toast } from './toast.js';

const $ = (id) => document.getElementById(id);
let pending = null;

export async function loadServiceUsers() {
  const tbody = $('service-user-rows');
  const users = await api('GET', '/api/service-users');
  clear(tbody);
  for (const user of users) {
    const items = user.active
      ? [{ label: 'Deactivate', danger: true, action: () => confirmDeactivate(user) }]
      : [{ label: 'Reactivate', action: () => reactivate(user) }];
    tbody.append(el('tr', { 'data-service-user-id': user.id },
      el('td', { text: user.name }),
      el('td', {}, el('code', { text: user.id })),
      el('td', { text: user.role }),
      el('td', { text: user.teams.join(', ') }),
      el('td', {}, el('span', { class: 'badge ' + (user.active ? 'badge-active' : 'badge-expired'), text: user.active ? 'Active' : 'Deactivated' })),
      el('td', { class: 'actions' }, rowMenu('Actions for ' + user.name, items))));
  }
  $('service-users-empty').hidden = users.length > 0;
}

export function wireServiceUsers(onChanged) {
  $('service-user-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('service-user-error').textContent = '';
    const teams = $('service-user-teams').value.split(',').map((t) => t.trim()).filter(Boolean);
    try {
      const user = await api('POST', '/api/service-users', { name: $('service-user-name').value, role: $('service-user-role').value, teams });
      toast(`Service user ${user.id} created`);
      event.target.reset();
      await loadServiceUsers();
      onChanged();
    } catch (error) {
      $('service-user-error').textContent = error.message;
    }
  });
  $('deactivate-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if ($('deactivate-confirm').value !== 'deactivate') {
      $('deactivate-error').textContent = 'Type deactivate to confirm.';
      return;
    }
    try {
      await api('DELETE', `/api/service-users/${encodeURIComponent(pending.id)}`);
      closeModal('deactivate-dialog');
      toast(`Service user ${pending.name} deactivated`);
      await loadServiceUsers();
    } catch (error) {
      $('deactivate-error').textContent = error.message;
    }
  });
}

function confirmDeactivate(user) {
  pending = user;
  $('deactivate-name').textContent = user.name;
  $('deactivate-confirm').value = '';
  $('deactivate-error').textContent = '';
  openModal('deactivate-dialog');
}

async function reactivate(user) {
  try {
    await api('POST', `/api/service-users/${encodeURIComponent(user.id)}/reactivate`);
    toast(`Service user ${user.name} reactivated`);
    await loadServiceUsers();
  } catch (error) {
    toast(error.message, 'error');
  }
}

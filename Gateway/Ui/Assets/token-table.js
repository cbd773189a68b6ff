// Renders token rows: name, status badge, expiration, last used, 30-day usage and the actions menu.
import { api } from './api.js';
import { usageChart } from './chart.js';
import { clear, el } from './dom.js';
import { rowMenu } from './menu.js';
import { exact, expiration, lastUsed } from './time.js';

const badges = { active: 'Active', revoked: 'Revoked', expired: 'Expired' };

export function renderTokens(tbody, tokens, actions, { showOwner = false } = {}) {
  clear(tbody);
  for (const token of tokens) {
    const items = [];
    if (token.status === 'active') items.push({ label: 'Revoke', action: () => actions.revoke(token) });
    if (token.status === 'revoked') items.push({ label: 'Restore', action: () => actions.restore(token) });
    if (token.status !== 'active') items.push({ label: 'Delete', danger: true, action: () => actions.remove(token) });
    const usage = el('td', { class: 'usage' }, el('span', { class: 'muted', text: '…' }));
    const row = el('tr', { 'data-token-id': token.id, 'data-token-name': token.name },
      el('td', { class: 'name' }, el('span', { text: token.name }),
        token.scim_endpoints_only ? el('span', { class: 'tag', text: 'SCIM' }) : null),
      showOwner ? el('td', { text: token.user?.name ?? token.user?.id ?? '' }) : null,
      el('td', {}, el('span', { class: 'badge badge-' + token.status, text: badges[token.status] ?? token.status })),
      el('td', { class: 'expiration' }, el('span', { title: exact(token.expiration), text: expiration(token.expiration) })),
      el('td', { class: 'last-used' }, el('span', { title: exact(token.last_used), text: lastUsed(token.last_used) })),
      usage,
      el('td', { class: 'actions' }, rowMenu('Actions for ' + token.name, items)));
    tbody.append(row);
    loadUsage(usage, token.id);
  }
}

async function loadUsage(cell, id) {
  try {
    const usage = await api('GET', `/api/user-tokens/${encodeURIComponent(id)}/usage?days=30`);
    clear(cell);
    cell.append(usageChart(usage?.days ?? []));
  } catch {
    clear(cell);
    cell.append(el('span', { class: 'muted', text: 'n/a' }));
  }
}

// The per-row vertical ellipsis menu: a button with aria-haspopup that toggles a list of menu items.
import { el } from './dom.js';

let openMenu = null;

function close() {
  if (!openMenu) return;
  openMenu.menu.hidden = true;
  openMenu.button.setAttribute('aria-expanded', 'false');
  openMenu = null;
}

document.addEventListener('click', (event) => {
  if (openMenu && !openMenu.wrapper.contains(event.target)) close();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && openMenu) {
    const button = openMenu.button;
    close();
    button.focus();
  }
});

export function rowMenu(label, items) {
  const menu = el('div', { class: 'menu', role: 'menu', hidden: true });
  const button = el('button', {
    class: 'kebab',
    type: 'button',
    'aria-label': label,
    'aria-haspopup': 'menu',
    'aria-expanded': 'false',
    text: '⋮',
  });
  const wrapper = el('div', { class: 'menu-wrapper' }, button, menu);
  for (const item of items) {
    menu.append(el('button', {
      type: 'button',
      role: 'menuitem',
      class: item.danger ? 'danger' : '',
      text: item.label,
      onclick: () => {
        close();
        item.action();
      },
    }));
  }
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    const wasOpen = openMenu?.menu === menu;
    close();
    if (wasOpen || items.length === 0) return;
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    openMenu = { menu, button, wrapper };
    menu.querySelector('button')?.focus();
  });
  menu.addEventListener('keydown', (event) => {
    const entries = [...menu.querySelectorAll('button')];
    const index = entries.indexOf(document.activeElement);
    if (event.key === 'ArrowDown') entries[(index + 1) % entries.length].focus();
    if (event.key === 'ArrowUp') entries[(index - 1 + entries.length) % entries.length].focus();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') event.preventDefault();
  });
  return wrapper;
}

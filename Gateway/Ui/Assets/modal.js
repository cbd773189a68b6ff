// Native <dialog> gives focus trapping, Escape to close and an inert background without a library.
export function openModal(id) {
  const dialog = document.getElementById(id);
  dialog.showModal();
  const first = dialog.querySelector('input:not([type=hidden]):not([disabled]), select, button');
  first?.focus();
  return dialog;
}

export function closeModal(id) {
  document.getElementById(id).close();
}

export function wireCloseButtons() {
  for (const button of document.querySelectorAll('[data-close]')) {
    button.addEventListener('click', () => closeModal(button.dataset.close));
  }
}

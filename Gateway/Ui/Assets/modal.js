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

// A click on the backdrop (outside the dialog's box) closes it, as Escape does; both fire the dialog's "close" event.
export function wireBackdropClose() {
  for (const dialog of document.querySelectorAll('dialog')) {
    dialog.addEventListener('click', (event) => {
      if (event.target !== dialog) return;
      const box = dialog.getBoundingClientRect();
      const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
      if (!inside) dialog.close();
    });
  }
}

export function wireCloseButtons() {
  for (const button of document.querySelectorAll('[data-close]')) {
    button.addEventListener('click', () => closeModal(button.dataset.close));
  }
}

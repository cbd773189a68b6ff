// Toasts live in an aria-live region so screen readers announce them.
export function toast(message, kind = 'success') {
  const region = document.getElementById('toasts');
  const item = document.createElement('div');
  item.className = 'toast toast-' + kind;
  item.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  item.textContent = message;
  region.append(item);
  setTimeout(() => item.remove(), 6000);
}

// Relative times in the product's words: "Expires in 2 months", "Expired 3 months ago", "5 minutes ago".
const units = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

function span(seconds) {
  for (const [name, size] of units) {
    const count = Math.floor(seconds / size);
    if (count >= 1) return count + ' ' + name + (count === 1 ? '' : 's');
  }
  return 'less than a minute';
}

export function expiration(iso, now = Date.now()) {
  if (!iso) return 'Never';
  const seconds = (Date.parse(iso) - now) / 1000;
  return seconds > 0 ? 'Expires in ' + span(seconds) : 'Expired ' + span(-seconds) + ' ago';
}

export function lastUsed(iso, now = Date.now()) {
  if (!iso) return 'Not Used';
  const seconds = (now - Date.parse(iso)) / 1000;
  return seconds < 60 ? 'Just now' : span(seconds) + ' ago';
}

export function exact(iso) {
  return iso ? new Date(iso).toUTCString() : '';
}

// Relative times in the product's words: "Expires in 2 months", "Expired 3 months ago", "5 minutes ago".
// Thresholds in the manner of common relative-time libraries: a 30-day token reads "30 days", a 60-day one "2 months".
function span(seconds) {
  const minutes = Math.round(seconds / 60);
  const hours = Math.round(seconds / 3600);
  const days = Math.round(seconds / 86400);
  const plural = (count, unit) => count + ' ' + unit + (count === 1 ? '' : 's');
  if (seconds < 45) return 'a few seconds';
  if (minutes < 45) return plural(Math.max(1, minutes), 'minute');
  if (hours < 22) return plural(Math.max(1, hours), 'hour');
  if (days < 45) return plural(Math.max(1, days), 'day');
  if (days < 320) return plural(Math.round(days / 30), 'month');
  return plural(Math.max(1, Math.round(days / 365)), 'year');
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

// The page talks only to the public API; the browser session cookie authenticates, and the CSRF token the server
// rendered into the page accompanies every state change.
const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? '';

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

export async function api(method, url, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-TOKEN'] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'The gateway could not be reached. Check your connection and try again.');
  }
  if (response.status === 401) {
    // The sign-in page says why (expired, signed out elsewhere, deactivated) instead of a silent redirect.
    const ended = response.headers.get('X-Session-Ended') || 'ended';
    window.location.assign('/login?returnUrl=' + encodeURIComponent(window.location.pathname) + '&ended=' + encodeURIComponent(ended));
    throw new ApiError(401, 'Your session has ended. Please sign in again.');
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    // Problem details carry a sentence for people in "detail"; never show raw bodies or stack traces.
    const detail = json && typeof json.detail === 'string'
      ? humanize(json.detail)
      : 'Something went wrong (HTTP ' + response.status + '). Please try again.';
    throw new ApiError(response.status, detail);
  }
  return json;
}

// The API names fields as they are sent ("expires_in_days must be ..."); people read "The expiration must be ...".
const fieldNames = {
  name: 'The name',
  expires_in_days: 'The expiration',
  user_id: 'The service user',
  role: 'The role',
  teams: 'The teams',
  scim_endpoints_only: 'The SCIM Administration Token option',
  days: 'The number of days',
};

export function humanize(detail) {
  const field = /^([a-z_]+) (must .*)$/.exec(detail);
  if (field && fieldNames[field[1]]) return `${fieldNames[field[1]]} ${field[2]}`;
  return detail.replace(/ already exists for this owner\.$/, ' already exists. Choose another name.');
}

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
    window.location.assign('/login?returnUrl=' + encodeURIComponent(window.location.pathname));
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
    const detail = json && typeof json.detail === 'string' ? json.detail : 'The request failed (HTTP ' + response.status + ').';
    throw new ApiError(response.status, detail);
  }
  return json;
}

/** JSON calls to /api with the session cookie and the CSRF token; errors carry the server's Vietnamese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

let csrfToken = '';
export const setCsrfToken = (t: string) => (csrfToken = t);
let lang = 'vi';
export const setApiLang = (l: string) => (lang = l);

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'x-lang': lang };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const raw = body instanceof Blob;
  if (raw) headers['content-type'] = 'application/octet-stream';
  const res = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(res.status, data?.code ?? 'server.internal', data?.message ?? res.statusText, data?.details);
  return data as T;
}

export const get = <T>(url: string) => api<T>('GET', url);
export const post = <T>(url: string, body?: unknown) => api<T>('POST', url, body ?? {});
export const put = <T>(url: string, body: unknown) => api<T>('PUT', url, body);
export const patch = <T>(url: string, body: unknown) => api<T>('PATCH', url, body);
export const del = <T>(url: string) => api<T>('DELETE', url);

export function qs(params: Record<string, string | number | undefined | null>) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Sends a file as it is (application/octet-stream). */
export const upload = <T>(url: string, file: Blob) => api<T>('POST', url, file);

/** POSTs and answers the file the server sends back (a signed PDF); errors as `api` gives them. */
export async function postForFile(url: string): Promise<Blob> {
  const res = await fetch(url, { method: 'POST', headers: { 'x-lang': lang, 'x-csrf-token': csrfToken }, credentials: 'same-origin' });
  if (!res.ok) {
    const data = await res.json().catch(() => null);
    throw new ApiError(res.status, data?.code ?? 'server.internal', data?.message ?? res.statusText, data?.details);
  }
  return res.blob();
}

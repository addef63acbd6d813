import { ApiError, get } from '../../api';

/** Sends a file as the raw body (application/octet-stream), with the session's CSRF token. */
export async function uploadRaw<T>(url: string, file: Blob): Promise<T> {
  const { csrfToken } = await get<{ csrfToken: string }>('/api/auth/me');
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrfToken },
    body: file,
    credentials: 'same-origin',
  });
  const data = await res.json();
  if (!res.ok) throw new ApiError(res.status, data.code, data.message, data.details);
  return data as T;
}

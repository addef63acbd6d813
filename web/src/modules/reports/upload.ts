import { ApiError, get } from '../../api';

/** Sends a file as raw bytes (application/octet-stream) with the session's CSRF token. */
export async function uploadFile(url: string, file: File, lang: string) {
  const { csrfToken } = await get<{ csrfToken: string }>('/api/auth/me');
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrfToken, 'x-lang': lang },
    body: file,
    credentials: 'same-origin',
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data?.code ?? 'server.internal', data?.message ?? res.statusText, data?.details);
  return data;
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../shared/actor';
import type { Lang } from '../shared/messages/catalogue';

export const SESSION_COOKIE = 'ttdn_session';

/** The user behind a request, as the audit log records them. */
export function actorOf(request: FastifyRequest): Actor {
  return { id: request.user?.id ?? null, name: request.user?.username ?? 'anonymous', ip: request.ip };
}

/** The reader's language: Vietnamese unless the request asks for English. */
export function requestLang(request: FastifyRequest): Lang {
  const header = (request.headers['x-lang'] ?? request.headers['accept-language'] ?? '') as string;
  return header.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date, secure: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secure === 'true' || (secure === 'auto' && request.protocol === 'https'),
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

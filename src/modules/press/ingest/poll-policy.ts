/**
 * When to poll a source next (pure). Success: the source's interval with ±10 % jitter.
 * Failure: the interval doubled per consecutive failure, up to 24 h, with jitter. A Retry-After
 * (seconds or HTTP date) is honoured up to 48 h. A source is never disabled for good.
 */
export interface PollSource {
  intervalMinutes: number;
  consecutiveFailures: number;
}

export type PollOutcome =
  { kind: 'ok' } | { kind: 'not_modified' } | { kind: 'error'; status?: number; retryAfter?: string | number | null };

export interface PollDecision {
  at: Date;
  consecutiveFailures: number;
  delayMs: number;
  reason: 'interval' | 'backoff' | 'retry_after';
}

export const MAX_BACKOFF_MS = 24 * 3600_000;
export const MAX_RETRY_AFTER_MS = 48 * 3600_000;
const MIN_INTERVAL_MS = 60_000;

/** Retry-After as milliseconds from now: delta seconds or an HTTP date; null if absent or invalid. */
export function parseRetryAfter(value: string | number | null | undefined, now: Date): number | null {
  if (value == null || value === '') return null;
  if (typeof value === 'number' || /^\s*\d+\s*$/.test(value)) {
    const s = Number(value);
    return Number.isFinite(s) && s >= 0 ? s * 1000 : null;
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : Math.max(0, t - now.getTime());
}

export function nextPollAt(
  source: PollSource,
  outcome: PollOutcome,
  now: Date = new Date(),
  random: () => number = Math.random,
): PollDecision {
  const interval = Math.max(MIN_INTERVAL_MS, (source.intervalMinutes || 60) * 60_000);
  const jitter = (ms: number) => ms * (0.9 + 0.2 * random());
  if (outcome.kind !== 'error') {
    const delayMs = Math.round(jitter(interval));
    return { at: new Date(now.getTime() + delayMs), consecutiveFailures: 0, delayMs, reason: 'interval' };
  }
  const failures = Math.max(0, source.consecutiveFailures) + 1;
  const exp = Math.min(MAX_BACKOFF_MS, interval * 2 ** Math.min(failures, 30));
  let delayMs = Math.min(MAX_BACKOFF_MS, Math.round(jitter(exp)));
  let reason: PollDecision['reason'] = 'backoff';
  const retryAfter = parseRetryAfter(outcome.retryAfter, now);
  if (retryAfter != null) {
    const honoured = Math.min(MAX_RETRY_AFTER_MS, retryAfter);
    if (honoured >= delayMs) {
      delayMs = Math.round(honoured + 0.05 * random() * Math.min(honoured, 3600_000));
      reason = 'retry_after';
    }
    delayMs = Math.min(delayMs, MAX_RETRY_AFTER_MS);
  }
  return { at: new Date(now.getTime() + delayMs), consecutiveFailures: failures, delayMs, reason };
}

import { Webhook } from 'standardwebhooks';

export interface WebhookMessage {
  url: string;
  /** The partner's signing secret (whsec_… base64), from the environment. */
  secret: string;
  /** The same on every attempt, so the receiver can tell a retry from a new message. */
  id: string;
  timestamp: Date;
  body: string;
}

/** A case system's answer that was not a success: whether to try again, and when it asked us to. */
export class WebhookError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

// A Retry-After longer than this is read as "a day": a report must not wait a week on one header.
const LONGEST_WAIT_MS = 86_400_000;

/** Retry-After in seconds or as an HTTP date (RFC 9110), as milliseconds from now. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const ms = /^\d+$/.test(header.trim()) ? Number(header.trim()) * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), LONGEST_WAIT_MS) : undefined;
}

/**
 * Posts to partners' case systems, signed per Standard Webhooks (webhook-id, webhook-timestamp,
 * webhook-signature). 2xx is delivered; 408, 429 and 5xx may pass later; any other answer,
 * a redirect included (a signed report is not sent somewhere else), will not.
 */
export function webhookSender(timeoutMs: number, now: () => number = Date.now) {
  return async function post(message: WebhookMessage): Promise<void> {
    const signature = new Webhook(message.secret).sign(message.id, message.timestamp, message.body);
    let res: Response;
    try {
      res = await fetch(message.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': message.id,
          'webhook-timestamp': String(Math.floor(message.timestamp.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body: message.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (e.cause?.code ?? e.name);
      throw new WebhookError(why, false);
    }
    // The answer's body is not read (it could be large, or say anything): only its status.
    await res.body?.cancel();
    if (res.status >= 200 && res.status < 300) return;
    const retryable = res.status === 408 || res.status === 429 || res.status >= 500;
    throw new WebhookError(`HTTP ${res.status}`, !retryable, retryable ? retryAfterMs(res.headers.get('retry-after'), now()) : undefined);
  };
}

export type WebhookSender = ReturnType<typeof webhookSender>;

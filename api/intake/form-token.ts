import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Instead of a CAPTCHA: a form carries the signed time it was first shown, and an answer sent
 * sooner than a person could type one is refused. Signed, so a script cannot simply backdate it.
 */
export function formTokens(secret: Buffer, minSeconds: number, now: () => number = Date.now) {
  const sign = (issued: string) => createHmac('sha256', secret).update(`form-token:${issued}`).digest('base64url');
  return {
    issue(): string {
      const issued = String(now());
      return `${issued}.${sign(issued)}`;
    },
    check(token: unknown): 'ok' | 'tooFast' | 'invalid' {
      if (typeof token !== 'string' || !/^\d{10,16}\.[A-Za-z0-9_-]{43}$/.test(token)) return 'invalid';
      const [issued, signature] = token.split('.');
      const expected = Buffer.from(sign(issued));
      if (!timingSafeEqual(expected, Buffer.from(signature))) return 'invalid';
      return now() - Number(issued) < minSeconds * 1000 ? 'tooFast' : 'ok';
    },
  };
}

export type FormTokens = ReturnType<typeof formTokens>;

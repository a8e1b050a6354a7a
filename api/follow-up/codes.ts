import { randomBytes, randomInt, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

// Read aloud without doubt: no 0 or O, no 1 or I.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 16; // 80 bits: no one guesses it, five tries at a time
// 80 random bits need no slowness to stay unguessable from a stolen database; scrypt's cost is
// paid by every report on two shared cores, so it is kept low: at 2^12 intake fell from 368 to
// 79 reports a second here, at 2^10 to 168 (npm run bench measures it).
const PARAMS = { N: 2 ** 10, r: 8, p: 1 };

export interface IssuedCode {
  /** Shown to the reporter once, as XXXX-XXXX-XXXX-XXXX; never stored. */
  code: string;
  /** What the store keeps: a slow hash (scrypt) with its salt and parameters. */
  hash: string;
}

/** The code as typed, in its one form (capitals, no spaces or dashes), or undefined if it cannot be one. */
export function normaliseCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]+/g, '');
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : undefined;
}

const grouped = (code: string) => code.match(/.{4}/g)!.join('-');
const encode = (salt: Buffer, key: Buffer) => `scrypt:${PARAMS.N}:${PARAMS.r}:${PARAMS.p}:${salt.toString('base64')}:${key.toString('base64')}`;

function newCode(): string {
  return Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

function derive(code: string, salt: Buffer, params = PARAMS): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(code, salt, 32, { ...params, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))));
}

/** Whether a typed code is the one a hash was made from, compared in constant time. */
export async function codeMatches(typed: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split(':');
  const code = normaliseCode(typed);
  if (scheme !== 'scrypt') return false;
  // A malformed code is still hashed, so a wrong guess takes as long as any other.
  const derived = await derive(code ?? 'not-a-code', Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) });
  const expected = Buffer.from(key, 'base64');
  return expected.length === derived.length && timingSafeEqual(derived, expected) && code !== undefined;
}

/**
 * Codes made ahead of need: scrypt is slow on purpose, so hashing happens in the thread pool,
 * between reports, and intake takes a ready pair before its transaction. Only if a burst
 * empties the pool is one hashed on the spot. The pool lives in memory: never written down.
 */
export function codePool(size = 8) {
  const ready: IssuedCode[] = [];
  let filling = 0;
  const fill = () => {
    while (ready.length + filling < size) {
      filling++;
      const code = newCode();
      const salt = randomBytes(16);
      derive(code, salt).then(
        (key) => {
          filling--;
          ready.push({ code: grouped(code), hash: encode(salt, key) });
        },
        () => filling--,
      );
    }
  };
  fill();
  return {
    take(): IssuedCode {
      const issued = ready.shift();
      fill();
      if (issued) return issued;
      const code = newCode();
      const salt = randomBytes(16);
      return { code: grouped(code), hash: encode(salt, scryptSync(code, salt, 32, { ...PARAMS, maxmem: 64 * 1024 * 1024 })) };
    },
  };
}

export type CodePool = ReturnType<typeof codePool>;

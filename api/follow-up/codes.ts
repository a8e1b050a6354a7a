import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';

// Read aloud without doubt: no 0 or O, no 1 or I.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 16; // 80 bits: no one guesses it, five tries at a time
// 80 random bits need no slow hash to stay unguessable from a stolen database (2^80 guesses of
// SHA-256 are out of anyone's reach), so a code is kept as a salted SHA-256. Codes issued before
// were kept as scrypt hashes, which still match; scrypt's cost was paid by every report and
// halved intake on two shared cores.
const SCRYPT_MAX_MEMORY = 64 * 1024 * 1024;
// While scrypt hashes may be stored, every check takes an scrypt's time (in the thread pool, and
// checks are few and rate-limited): how long a wrong guess takes says nothing of which kind of
// hash the report has, or whether there is a report.
const EVEN_TIME = { N: 2 ** 10, r: 8, p: 1, salt: Buffer.alloc(16) };

export interface IssuedCode {
  /** Shown to the reporter once, as XXXX-XXXX-XXXX-XXXX; never stored. */
  code: string;
  /** What the store keeps: `sha256:<salt>:<digest>`, in base64. */
  hash: string;
}

/** The code as typed, in its one form (capitals, no spaces or dashes), or undefined if it cannot be one. */
export function normaliseCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]+/g, '');
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : undefined;
}

const grouped = (code: string) => code.match(/.{4}/g)!.join('-');
const digest = (code: string, salt: Buffer) => createHash('sha256').update(salt).update(code).digest();

function newCode(): string {
  return Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

function scryptKey(code: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(code, salt, 32, { ...params, maxmem: SCRYPT_MAX_MEMORY }, (err, key) => (err ? reject(err) : resolve(key))));
}

/** What a typed code hashes to under a stored hash's scheme, and what it must equal; undefined for no scheme known. */
async function derived(code: string, stored: string): Promise<[Buffer, Buffer] | undefined> {
  const parts = stored.split(':');
  if (parts[0] === 'sha256' && parts.length === 3) {
    await scryptKey(code, EVEN_TIME.salt, EVEN_TIME);
    return [digest(code, Buffer.from(parts[1], 'base64')), Buffer.from(parts[2], 'base64')];
  }
  if (parts[0] === 'scrypt' && parts.length === 6) {
    const [, N, r, p, salt, key] = parts;
    return [await scryptKey(code, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) }), Buffer.from(key, 'base64')];
  }
}

/** Whether a typed code is the one a hash was made from, compared in constant time. */
export async function codeMatches(typed: string, stored: string): Promise<boolean> {
  const code = normaliseCode(typed);
  // A malformed code is still hashed, so a wrong guess takes as long as any other.
  const pair = await derived(code ?? 'not-a-code', stored);
  if (!pair) return false;
  const [made, expected] = pair;
  return expected.length === made.length && timingSafeEqual(made, expected) && code !== undefined;
}

/** Issues follow-up codes: a new random code each time, and the salted hash the store keeps. */
export function codeIssuer() {
  return {
    take(): IssuedCode {
      const code = newCode();
      const salt = randomBytes(16);
      return { code: grouped(code), hash: `sha256:${salt.toString('base64')}:${digest(code, salt).toString('base64')}` };
    },
  };
}

export type CodeIssuer = ReturnType<typeof codeIssuer>;

import { createHash, timingSafeEqual } from 'node:crypto';

/** What is kept of a key or token: its digest, so every comparison is of equal lengths. */
export const secretDigest = (secret: string) => createHash('sha256').update(secret).digest();

/**
 * The holder whose secret this is. Every holder's digest is compared, in constant time, whatever
 * matched before: the time taken says nothing of which one, or whether any.
 */
export function holderOf<T>(holders: T[], digestOf: (holder: T) => Buffer, secret: string | undefined): T | undefined {
  if (!secret) return undefined;
  const given = secretDigest(secret);
  let found: T | undefined;
  for (const holder of holders) if (timingSafeEqual(digestOf(holder), given) && !found) found = holder;
  return found;
}

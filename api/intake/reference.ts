import { randomInt } from 'node:crypto';

// Crockford-style alphabet without letters that read aloud or look alike (I, L, O, U, 0, 1).
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A reference like ASB-7KQ4-M2XD: short enough to read over the phone, and drawn from a
 * cryptographic source (30^8, about 6.6 × 10^11) so one reporter's reference says nothing
 * about another's.
 */
export function newReference(prefix: string): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${prefix}-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

export const REFERENCE_PATTERN = /^[A-Z]{2,5}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;

import { normalisePostcode } from '../definitions/schema';

/** An email address as people mean it: case and surrounding spaces do not matter. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A UK phone number in one form, however it was written: "07700 900123", "+44 7700 900123",
 * "0044 (0)7700-900123" and "447700900123" all become "07700900123".
 */
export function normalisePhone(phone: string): string {
  let digits = phone.replace(/\(0\)/g, '').replace(/\D/g, '');
  if (digits.startsWith('0044')) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith('44') && digits.length === 12) digits = `0${digits.slice(2)}`;
  return digits;
}

/** The postcode sector: the outward code and the first digit of the inward code ("PE1 1"). */
export function postcodeSector(postcode: string): string {
  const full = normalisePostcode(postcode);
  return full.slice(0, full.length - 2);
}

const STREET_WORDS: Record<string, string> = { rd: 'road', st: 'street', ave: 'avenue', av: 'avenue', ln: 'lane', cl: 'close', dr: 'drive', cres: 'crescent', ct: 'court', pl: 'place', sq: 'square', gdns: 'gardens', tce: 'terrace' };

/** A street as one form: "12 Lincoln Rd." and "lincoln road" are the same street. */
export function normaliseStreet(street: string): string {
  return street
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !/^\d+[a-z]?$/.test(w))
    .map((w) => STREET_WORDS[w] ?? w)
    .join(' ');
}

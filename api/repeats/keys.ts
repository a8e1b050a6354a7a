import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerByRole, type Answers, type Definition, type Role } from '../definitions/types';
import { ConfigError } from '../config-error';
import { normaliseEmail, normalisePhone, normaliseStreet, postcodeSector } from './normalise';
import { normalisePostcode } from '../definitions/schema';

/** What a key was made from: the reporter's email or phone, or the place's postcode, sector or street. */
export type MatchKind = 'email' | 'phone' | 'postcode' | 'sector' | 'street';

export interface MatchKey {
  kind: MatchKind;
  /** A keyed hash (HMAC-SHA256): the same person or place gives the same key, and the key gives nothing back. */
  hash: string;
}

/** The matching secret: MATCH_SECRET if given, else one generated on first start and kept in DATA_DIR. */
export function loadMatchSecret(dataDir: string, configured?: string): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  const file = join(dataDir, 'match-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new ConfigError(file, 'the matching secret is too short; delete the file to make a new one');
  return Buffer.from(secret, 'utf8');
}

/** Keys for the reporter (unless anonymous) and for the place of a report (postcode, sector, street). */
export function matchKeys(definition: Definition, answers: Answers, secret: Buffer): MatchKey[] {
  const hash = (kind: string, value: string) => createHmac('sha256', secret).update(`${kind}:${value}`).digest('hex');
  const keys: MatchKey[] = [];
  const by = (role: Role) => answerByRole(definition, answers, role);
  const [email, phone, postcode, street] = [by('reporterEmail'), by('reporterPhone'), by('postcode'), by('street')];
  // Anonymous reports count for places, never for people.
  if (by('contactChoice') !== 'anonymous') {
    if (email) keys.push({ kind: 'email', hash: hash('email', normaliseEmail(email)) });
    if (phone) keys.push({ kind: 'phone', hash: hash('phone', normalisePhone(phone)) });
  }
  if (postcode) {
    keys.push({ kind: 'postcode', hash: hash('postcode', normalisePostcode(postcode)) });
    keys.push({ kind: 'sector', hash: hash('sector', postcodeSector(postcode)) });
  }
  if (street && normaliseStreet(street)) keys.push({ kind: 'street', hash: hash('street', normaliseStreet(street)) });
  return keys;
}

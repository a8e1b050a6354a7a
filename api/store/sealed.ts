import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ConfigError } from '../config-error';

const PREFIX = 'aes256gcm:';

/**
 * Report contents sealed with AES-256-GCM when a key is configured (REPORT_KEY), so a copy of
 * the database file alone reveals nothing. Without a key, contents are stored as plain JSON.
 */
export function sealer(key?: Buffer) {
  if (key && key.length !== 32) throw new ConfigError('REPORT_KEY', 'must be 32 bytes, written as 64 hex digits or 44 base64 characters');
  return {
    seal(plain: string): string {
      if (!key) return plain;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(stored: string): string {
      if (!stored.startsWith(PREFIX)) return stored;
      if (!key) throw new ConfigError('REPORT_KEY', 'reports in the store are encrypted: set the key they were sealed with');
      const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

/** REPORT_KEY as hex (64 digits) or base64. */
export function parseReportKey(text: string | undefined): Buffer | undefined {
  if (!text) return undefined;
  return /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
}

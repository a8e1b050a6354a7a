import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { intake } from '../../api/intake/intake';
import { openStore } from '../../api/store/store';
import { drugsOnCrossKeysEstate } from '../support/core';
import { NOW, shippedSetup } from '../support/fixtures';
import { tempDir } from '../support/temp';

const dir = tempDir();
afterAll(dir.remove);

describe('report contents at rest', () => {
  it('are encrypted with AES-256-GCM when a key is configured, and read back with it', () => {
    const file = join(dir.path, 'sealed.db');
    const key = randomBytes(32);
    const setup = shippedSetup();
    const store = openStore(file, { reportKey: key });
    const secret = `UNIQUE-SECRET-${Date.now()}`;
    const result = intake({ store, routing: setup.routing, now: () => NOW }, setup.byId('asb'), {
      answers: { ...drugsOnCrossKeysEstate, description: secret },
      locale: 'en',
    });
    store.saveChatState('chat-user-1', JSON.stringify({ answers: { description: secret } }), NOW.getTime());
    store.close();

    // Nothing of it is in the file, or its write-ahead log.
    for (const part of ['', '-wal']) {
      try {
        expect(readFileSync(file + part).includes(secret)).toBe(false);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    const reopened = openStore(file, { reportKey: key });
    expect(reopened.reportByReference(result.ok ? result.reference : '')?.answers.description).toBe(secret);
    expect(reopened.chatState('chat-user-1', NOW.getTime(), 60_000)).toContain(secret);
    reopened.close();

    const withoutKey = openStore(file);
    expect(() => withoutKey.reportByReference(result.ok ? result.reference : '')).toThrow(/REPORT_KEY: reports in the store are encrypted/);
    withoutKey.close();
    const wrongKey = openStore(file, { reportKey: randomBytes(32) });
    expect(() => wrongKey.reportByReference(result.ok ? result.reference : '')).toThrow();
    wrongKey.close();
  });
});

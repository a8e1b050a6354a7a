import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Answers } from '../../api/definitions/types';
import { drugsOnAHousingEstate } from '../support/core';
import { partnershipSetup } from '../support/setup';
import { freePort, startPortalProcess } from '../support/portal-process';
import { startSmtp } from '../support/smtp';
import { tempDir } from '../support/temp';

const dir = tempDir();
afterAll(dir.remove);

describe('the process killed with SIGKILL in the middle of a load of reports', () => {
  it('delivers every acknowledged report to each of its partners after a restart', async () => {
    const smtp = await startSmtp(await freePort());
    const env = {
      DATA_DIR: join(dir.path, 'kill-load'),
      SMTP_URL: smtp.url,
      RETRY_BASE_SECONDS: '1',
      OUTBOX_CLAIM_SECONDS: '5',
      RATE_LIMIT_REPORTS_PER_MINUTE: '0',
    };
    const first = await startPortalProcess(env);
    const acknowledged: string[] = [];
    let killed = false;
    const send = async () => {
      try {
        const res = await fetch(`${first.url}/api/reports/asb`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(drugsOnAHousingEstate),
        });
        if (res.status === 201) acknowledged.push(((await res.json()) as { reference: string }).reference);
      } catch {
        // In flight when the process died: never acknowledged, so nobody was told "sent".
      }
    };
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        while (!killed) {
          await send();
          if (acknowledged.length >= 150 && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        }
      }),
    );
    await first.stop();
    const second = await startPortalProcess(env);
    try {
      const partners = partnershipSetup().routed('asb', drugsOnAHousingEstate as Answers).map((p) => p.id);
      const expected = acknowledged.length * partners.length;
      const wanted = acknowledged.flatMap((reference) => partners.map((partner) => `<${reference}.${partner}.report@`));
      // Wait for each acknowledged report itself, not for a count: reports stored but killed before
      // their answer are delivered too, and would make up the count while one acknowledged still waits.
      const missing = () => {
        const ids = smtp.received.map((m) => m.messageId!);
        return wanted.filter((prefix) => !ids.some((id) => id.startsWith(prefix)));
      };
      const until = Date.now() + 60_000;
      while (missing().length > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
      expect(missing()).toEqual([]);
      const ids = smtp.received.map((m) => m.messageId!);
      const duplicates = ids.length - new Set(ids).size;
      console.log(`kill under load: ${acknowledged.length} acknowledged, ${new Set(ids).size} delivered (${expected} expected), ${duplicates} duplicates (same Message-ID)`);
      expect(new Set(ids).size).toBeGreaterThanOrEqual(expected);
    } finally {
      await second.stop();
      await smtp.stop();
    }
  }, 120_000);
});

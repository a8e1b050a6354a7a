import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secretName } from '../../api/routing/routing-schema';
import { drugsOnAHousingEstate } from '../support/core';
import { defaultPartner } from '../support/fixtures';
import { partnershipFileWith } from '../support/partnership-file';
import { partnershipSetup } from '../support/setup';
import { freePort, startPortalProcess } from '../support/portal-process';
import { startSmtp } from '../support/smtp';
import { tempDir } from '../support/temp';
import { newWebhookSecret, startWebhookReceiver } from '../support/webhook-receiver';

const dir = tempDir();
afterAll(dir.remove);

describe('the portal killed with SIGKILL while it posts to a case system', () => {
  it('posts every acknowledged report to it after a restart, each under one webhook-id', async () => {
    const secret = newWebhookSecret();
    const receiver = await startWebhookReceiver(secret);
    const smtp = await startSmtp(await freePort());
    // The partnership as configured, with its ASB team taking reports by webhook as well as email.
    const asb = defaultPartner(partnershipSetup().routing, 'asb');
    const file = partnershipFileWith(dir.path, { partners: { [asb.id]: { send: ['email', 'webhook'], webhook: { url: receiver.url } } } });
    const env = {
      DATA_DIR: join(dir.path, 'kill-webhook'),
      PARTNERSHIP_FILE: file,
      SMTP_URL: smtp.url,
      [secretName('WEBHOOK_SECRET', asb.id)]: secret,
      RETRY_BASE_SECONDS: '1',
      OUTBOX_CLAIM_SECONDS: '5',
      RATE_LIMIT_REPORTS_PER_MINUTE: '0',
    };
    const first = await startPortalProcess(env);
    const acknowledged: string[] = [];
    let killed = false;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (!killed) {
          try {
            const res = await fetch(`${first.url}/api/reports/asb`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(drugsOnAHousingEstate) });
            if (res.status === 201) acknowledged.push(((await res.json()) as { reference: string }).reference);
          } catch {
            // In flight when the process died: never acknowledged.
          }
          if (acknowledged.length >= 80 && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        }
      }),
    );
    await first.stop();
    const before = receiver.delivered().length;
    const second = await startPortalProcess(env);
    try {
      const byReference = () => {
        const ids = new Map<string, Set<string>>();
        for (const r of receiver.delivered('report.created')) {
          const reference = r.verified.ok ? String(r.verified.payload.data.reference) : '';
          ids.set(reference, (ids.get(reference) ?? new Set()).add(r.id));
        }
        return ids;
      };
      const until = Date.now() + 60_000;
      while (acknowledged.some((ref) => !byReference().has(ref)) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
      const ids = byReference();
      for (const reference of acknowledged) expect(ids.get(reference)?.size, reference).toBe(1);
      const posts = receiver.delivered('report.created').length;
      console.log(`kill during webhooks: ${acknowledged.length} acknowledged, ${before} posted before the kill, ${ids.size} reports posted in all, ${posts - ids.size} posted twice (same webhook-id), ${receiver.received.filter((r) => !r.verified.ok).length} bad signatures`);
      expect(receiver.received.every((r) => r.verified.ok)).toBe(true);
    } finally {
      await second.stop();
      await smtp.stop();
      await receiver.stop();
    }
  }, 120_000);
});

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secretName } from '../../api/routing/routing-schema';
import { defaultPartner } from '../support/fixtures';
import { partnershipFileWith } from '../support/partnership-file';
import { partnershipSetup } from '../support/setup';
import { startPortalProcess } from '../support/portal-process';
import { startSmtp } from '../support/smtp';
import { tempDir } from '../support/temp';
import { newWebhookSecret, startWebhookReceiver } from '../support/webhook-receiver';

const dir = tempDir();
afterAll(dir.remove);

describe('a partnership that connects partners’ systems by configuration alone', () => {
  it('takes a FixMyStreet report by Open311 to the ASB team’s case system and inbox; the case system closes it; FixMyStreet sees it closed', async () => {
    const secret = newWebhookSecret();
    const receiver = await startWebhookReceiver(secret);
    const smtp = await startSmtp();
    const asb = defaultPartner(partnershipSetup().routing, 'asb');
    // The partnership file as shipped, plus: the ASB team's case system, and a FixMyStreet cobrand.
    const file = partnershipFileWith(dir.path, {
      partners: { [asb.id]: { send: ['email', 'webhook'], webhook: { url: receiver.url } } },
      sections: { open311: { clients: [{ id: 'fixmystreet', name: 'FixMyStreet', services: ['asb'] }] } },
    });
    const key = 'fms-key-0123456789abcdef0123456789abcdef';
    const token = 'asb-case-system-token-0123456789abcdef';
    const portal = await startPortalProcess({
      DATA_DIR: join(dir.path, 'data'),
      PARTNERSHIP_FILE: file,
      SMTP_URL: smtp.url,
      OPEN311_KEY_FIXMYSTREET: key,
      [secretName('WEBHOOK_SECRET', asb.id)]: secret,
      [secretName('PARTNER_TOKEN', asb.id)]: token,
    });
    try {
      // FixMyStreet posts, as GeoReport v2 says: a form, no Origin header (a server, not a page).
      const form = new URLSearchParams({
        api_key: key,
        service_code: 'asb',
        'attribute[danger]': 'no',
        'attribute[kind]': 'noise',
        'attribute[date]': '2026-11-20',
        'attribute[ongoing]': 'yes',
        'attribute[reportedBefore]': 'no',
        'attribute[contactChoice]': 'anonymous',
        description: 'Music from the flat above every night after midnight',
        address_string: '14 Example Row',
      });
      const posted = await fetch(`${portal.url}/open311/v2/requests.json`, { method: 'POST', body: form });
      expect(posted.status).toBe(200);
      const [{ service_request_id: reference }] = (await posted.json()) as { service_request_id: string }[];
      const [hook] = await receiver.waitFor(1);
      expect(hook.verified.ok && hook.verified.payload.data).toMatchObject({ reference, reportType: 'asb', partner: asb.id });
      const [mail] = await smtp.waitFor(1);
      expect(mail.subject).toContain(reference);
      expect(mail.text).toContain('Music from the flat above');

      const status = async () => ((await (await fetch(`${portal.url}/open311/v2/requests/${reference}.json?api_key=${key}`)).json()) as { status: string }[])[0];
      expect((await status()).status).toBe('open');
      // The ASB team's case system closes it, with its token: FixMyStreet then reads it closed, and nothing more.
      const closed = await fetch(`${portal.url}/api/case-systems/reports/${reference}/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'closed', outcome: 'resolved' }),
      });
      expect(closed.status).toBe(200);
      const after = await status();
      expect(after.status).toBe('closed');
      expect(JSON.stringify(after)).not.toMatch(/Music|Example Row|resolved/);
      // Not echoed back to the system that made the change.
      await new Promise((r) => setTimeout(r, 1500));
      expect(receiver.delivered('case.updated')).toHaveLength(0);
      expect(portal.output()).not.toContain('Music from the flat');
    } finally {
      await portal.stop();
      await smtp.stop();
      await receiver.stop();
    }
  }, 60_000);
});

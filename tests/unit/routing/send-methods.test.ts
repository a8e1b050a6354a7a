import { describe, expect, it } from 'vitest';
import { mailersFor, webhookSecrets } from '../../../api/mail/mailers';
import { partnerSchema } from '../../../api/routing/routing-schema';
import { loadConfig } from '../../../api/server/config';
import { defaultPartner, partnershipRouting, projectRoot } from '../../support/fixtures';

const partner = { id: 'police', name: 'Police', email: 'police@example.org' };
const parse = (extra: object) => partnerSchema.safeParse({ ...partner, ...extra });
const messages = (extra: object) => parse(extra).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('how each partner is sent its reports', () => {
  it('is email by default, and may be a webhook, both, or none (the workspace alone)', () => {
    expect(parse({}).data?.send).toEqual(['email']);
    expect(parse({ send: 'none', staff: ['officer@example.org'] }).data?.send).toEqual([]);
    expect(messages({ send: 'none' })).toEqual(['send: is sent nothing (send: none): give it staff to read its reports in the workspace']);
    expect(parse({ send: ['email', 'webhook'], webhook: { url: 'https://cases.example.org/in' } }).data?.send).toEqual(['email', 'webhook']);
    expect(parse({ send: 'webhook', webhook: { url: 'https://cases.example.org/in' } }).data?.send).toEqual(['webhook']);
  });

  it('refuses a webhook with no address, a plain-HTTP one off this machine, and a method it does not know', () => {
    expect(messages({ send: 'webhook' })).toEqual(['webhook: sends by webhook: give webhook.url']);
    expect(messages({ send: 'webhook', webhook: { url: 'http://cases.example.org/in' } })).toEqual(['webhook.url: must start with https:// (http:// only to this machine, for testing)']);
    expect(parse({ send: 'webhook', webhook: { url: 'http://127.0.0.1:8080/in' } }).success).toBe(true);
    expect(messages({ send: 'fax' })).toEqual(['send: must be email, webhook, none, or a list of email and webhook']);
  });

  it('will not start a partner on webhooks without its signing secret, named in one line', () => {
    const { routing } = partnershipRouting();
    const asb = defaultPartner(routing, 'asb');
    const hooked = { ...routing, partners: routing.partners.map((p) => (p.id === asb.id ? { ...p, send: ['webhook' as const], webhook: { url: 'https://cases.example.org/in' } } : p)) };
    const name = `WEBHOOK_SECRET_${asb.id.toUpperCase().replace(/-/g, '_')}`;
    const config = (env: Record<string, string>) => loadConfig({ DATA_DIR: '/tmp/unused', ...env }, projectRoot);
    expect(() => webhookSecrets(config({}), hooked)).toThrow(`environment variable ${name}: must be set: ${asb.id} is sent reports by webhook`);
    expect(() => webhookSecrets(config({ [name]: 'short' }), hooked)).toThrow(/must be whsec_ followed by base64/);
    expect(webhookSecrets(config({ [name]: `whsec_${'A'.repeat(43)}=` }), hooked)).toEqual({ [asb.id]: `whsec_${'A'.repeat(43)}=` });
    // A partner's own relay, and each secret, must be named after a partner: a misspelt one stops start-up.
    expect(() => mailersFor(config({ SMTP_URL_POLICE: 'smtp://relay.example.org' }), routing)).toThrow('environment variable SMTP_URL_POLICE: names no partner');
    expect(() => webhookSecrets(config({ WEBHOOK_SECRET_POLCE: `whsec_${'A'.repeat(43)}=` }), routing)).toThrow('environment variable WEBHOOK_SECRET_POLCE: names no partner');
    // Options after "?" would let the address undo TLS.
    expect(() => config({ SMTP_URL: 'smtp://relay.example.org?requireTLS=false' })).toThrow(/SMTP_URL: must not carry options/);
    expect(() => mailersFor(config({ [`SMTP_URL_${asb.id.toUpperCase().replace(/-/g, '_')}`]: 'smtp://relay.example.org?tls.rejectUnauthorized=false' }), routing)).toThrow(/must not carry options/);
  });
});

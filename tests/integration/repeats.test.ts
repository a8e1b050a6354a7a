import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { createCore } from '../support/core';
import { startSmtp, type TestSmtp } from '../support/smtp';

let core: ReturnType<typeof createCore>;
let smtp: TestSmtp;
afterEach(async () => {
  core.close();
  await smtp.stop();
});

const DAY = 24 * 60 * 60 * 1000;
const councilEmails = (mails: ParsedMail[]) => mails.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === 'asb-team@council.example.org');
const noise = (phone: string, date: string) => ({
  danger: 'no',
  kind: 'noise',
  postcode: 'PE1 1HQ',
  date,
  ongoing: 'yes',
  description: 'Loud parties every night',
  reportedBefore: 'yes',
  contactChoice: 'contact',
  name: 'Sam',
  phone,
  safeContact: ['call'],
});

describe('repeat victims and the ASB Case Review', () => {
  it('flags the 2nd and 3rd reports from one person, with the phone written 3 ways, and meets the Case Review on the 3rd', async () => {
    smtp = await startSmtp();
    core = createCore(smtp.url);
    const dispatcher = core.dispatcher();
    const results = [];
    for (const [i, phone] of ['07700 900123', '+44 7700 900123', '0044 (0)7700-900-123'].entries()) {
      if (i > 0) core.clock.now += 20 * DAY;
      const date = new Date(core.clock.now - DAY).toISOString().slice(0, 10);
      results.push(core.submit('asb', noise(phone, date)));
      await dispatcher.runOnce();
    }
    const references = results.map((r) => (r.ok ? r.reference : ''));
    const [first, second, third] = councilEmails(smtp.received);
    expect(first.text).not.toContain('Repeat victim');
    expect(second.text).toContain(`Repeat victim: 2nd report in 6 months (earlier references ${references[0]})`);
    expect(third.text).toContain(`Repeat victim: 3rd report in 6 months (earlier references ${references[0]}, ${references[1]})`);
    expect(third.text).toContain(`ASB Case Review threshold met: this reporter's reports ${references.join(', ')}`);
    expect(second.text).not.toContain('Case Review');
    // The flags come first, before any answer.
    expect(third.text!.indexOf('Repeat victim')).toBeLessThan(third.text!.indexOf('Kind of behaviour'));
    expect(results[2]).toEqual({ ok: true, reference: references[2], caseReview: { references } });
    expect(results[1]).toEqual({ ok: true, reference: references[1] });
  });

  it('flags a repeat location from anonymous reports, never a repeat victim', async () => {
    smtp = await startSmtp();
    core = createCore(smtp.url);
    for (let i = 0; i < 3; i++) core.submit('asb', { ...noise('07700 900123', '2026-11-20'), contactChoice: 'anonymous', postcode: `PE1 1A${'BDE'[i]}` });
    await core.dispatcher().runOnce();
    const last = councilEmails(smtp.received).at(-1)!;
    expect(last.text).toContain('Repeat location: 3 reports in postcode sector PE1 1 in 30 days');
    expect(smtp.received.some((m) => m.text?.includes('Repeat victim'))).toBe(false);
  });

  it('flags a repeat street however the street was written', async () => {
    smtp = await startSmtp();
    core = createCore(smtp.url);
    const { postcode: _none, ...withoutPostcode } = noise('07700 900123', '2026-11-20');
    for (const street of ['12 Lincoln Rd', 'lincoln road', 'Lincoln Road']) {
      core.submit('asb', { ...withoutPostcode, contactChoice: 'anonymous', street });
    }
    await core.dispatcher().runOnce();
    const [first, , third] = councilEmails(smtp.received);
    expect(first.text).not.toContain('Repeat location');
    expect(third.text).toContain('Repeat location: 3 reports in Lincoln Road in 30 days');
  });

  it('deletes the match records with the report when it is purged', async () => {
    smtp = await startSmtp();
    core = createCore(smtp.url);
    core.submit('asb', noise('07700 900123', '2026-11-20'));
    await core.dispatcher().runOnce();
    core.store.purgeDelivered(core.clock.now + 1);
    core.clock.now += DAY;
    const again = core.submit('asb', noise('07700 900123', '2026-11-25'));
    expect(again).toEqual({ ok: true, reference: expect.any(String) });
    await core.dispatcher().runOnce();
    expect(councilEmails(smtp.received).at(-1)!.text).not.toContain('Repeat victim');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { purgeExpired, type RetentionPolicy } from '../../api/store/retention';
import { createCore, noiseReportedBy } from '../support/core';
import { startSmtp, type TestSmtp } from '../support/smtp';

let core: Awaited<ReturnType<typeof createCore>>;
let smtp: TestSmtp;
afterEach(async () => {
  await core.close();
  await smtp.stop();
});

const DAY = 24 * 60 * 60 * 1000;
const policy = (): RetentionPolicy => ({ reportDays: 90, repeats: core.routing.repeats, chatExpiryMs: 60_000, formExpiryMs: 60_000 });
// These scenarios are Peterborough's published thresholds (2 reports for a repeat victim, 3 for
// a place, the Case Review's 3 in 6 months); Riverside's own follow at the end.
const PETERBOROUGH = 'peterborough';
const councilEmails = (mails: ParsedMail[]) => mails.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === 'asb-team@council.example.org');
const noise = noiseReportedBy;

describe('repeat victims and the ASB Case Review', () => {
  it('flags the 2nd and 3rd reports from one person, with the phone written 3 ways, and meets the Case Review on the 3rd', async () => {
    smtp = await startSmtp();
    core = await createCore(smtp.url, PETERBOROUGH);
    const dispatcher = core.dispatcher();
    const results = [];
    for (const [i, phone] of ['07700 900123', '+44 7700 900123', '0044 (0)7700-900-123'].entries()) {
      if (i > 0) core.clock.now += 20 * DAY;
      const date = new Date(core.clock.now - DAY).toISOString().slice(0, 10);
      results.push(await core.submit('asb', noise(phone, date)));
      await dispatcher.runOnce();
    }
    const references = results.map((r) => (r.ok ? r.reference : ''));
    const [first, second, third] = councilEmails(smtp.received);
    expect(first.text).not.toContain('Repeat victim');
    expect(second.text).toContain(`Possible repeat victim: 2nd report in 6 months giving the same phone number (not verified: anyone can type someone else's details). Earlier references: ${references[0]}`);
    expect(third.text).toContain(`Possible repeat victim: 3rd report in 6 months giving the same phone number (not verified: anyone can type someone else's details). Earlier references: ${references[0]}, ${references[1]}`);
    expect(third.text).toContain(`ASB Case Review threshold may be met: reports ${references.join(', ')} gave the same phone number (not verified)`);
    expect(second.text).not.toContain('Case Review');
    // The flags come first, before any answer.
    expect(third.text!.indexOf('Repeat victim')).toBeLessThan(third.text!.indexOf('Kind of behaviour'));
    // The reporter is told only the reference just issued: whoever typed this phone number may not own it.
    expect(results[2]).toEqual({ ok: true, reference: references[2] });
    expect(results[1]).toEqual({ ok: true, reference: references[1] });
  });

  it('flags a repeat location from anonymous reports, never a repeat victim', async () => {
    smtp = await startSmtp();
    core = await createCore(smtp.url, PETERBOROUGH);
    for (let i = 0; i < 3; i++) await core.submit('asb', { ...noise('07700 900123', '2026-11-20'), contactChoice: 'anonymous', postcode: `PE1 1A${'BDE'[i]}` });
    await core.dispatcher().runOnce();
    const last = councilEmails(smtp.received).at(-1)!;
    expect(last.text).toContain('Repeat location: 3 reports in 30 days with a postcode in sector PE1 1 (anywhere in the sector, not one address)');
    expect(smtp.received.some((m) => m.text?.includes('Repeat victim'))).toBe(false);
  });

  it('flags a repeat street however the street was written', async () => {
    smtp = await startSmtp();
    core = await createCore(smtp.url, PETERBOROUGH);
    const { postcode: _none, ...withoutPostcode } = noise('07700 900123', '2026-11-20');
    for (const street of ['12 Lincoln Rd', 'lincoln road', 'Lincoln Road']) {
      await core.submit('asb', { ...withoutPostcode, contactChoice: 'anonymous', street });
    }
    await core.dispatcher().runOnce();
    const [first, , third] = councilEmails(smtp.received);
    expect(first.text).not.toContain('Repeat location');
    expect(third.text).toContain('Repeat location: 3 reports in 30 days naming the street "lincoln road" (any house number)');
    // The house number someone typed is not repeated to partners as if it were the place counted.
    expect(third.text).not.toMatch(/reports in 30 days naming the street "12/);
  });

  it('still matches a victim in month five, after the first report itself was deleted at 90 days', async () => {
    smtp = await startSmtp();
    core = await createCore(smtp.url, PETERBOROUGH);
    const first = await core.submit('asb', noise('07700 900123', '2026-11-20'));
    await core.dispatcher().runOnce();
    core.clock.now += 91 * DAY;
    await purgeExpired(core.store, policy(), core.clock.now);
    expect(await core.store.countReports()).toBe(0);
    core.clock.now += 59 * DAY;
    await core.submit('asb', noise('07700 900123', new Date(core.clock.now - DAY).toISOString().slice(0, 10)));
    await core.dispatcher().runOnce();
    expect(councilEmails(smtp.received).at(-1)!.text).toContain(`Earlier references: ${first.ok && first.reference}`);
  });

  it('deletes match records once they are older than the longest window (6 months)', async () => {
    smtp = await startSmtp();
    core = await createCore(smtp.url, PETERBOROUGH);
    await core.submit('asb', noise('07700 900123', '2026-11-20'));
    await core.dispatcher().runOnce();
    expect((await purgeExpired(core.store, policy(), core.clock.now + 150 * DAY)).matchRecords).toBe(0);
    expect((await purgeExpired(core.store, policy(), core.clock.now + 200 * DAY)).matchRecords).toBeGreaterThan(0);
    core.clock.now += 200 * DAY;
    await core.submit('asb', noise('07700 900123', new Date(core.clock.now - DAY).toISOString().slice(0, 10)));
    await core.dispatcher().runOnce();
    expect(councilEmails(smtp.received).at(-1)!.text).not.toContain('repeat victim');
  });

  it('tells a partner of a repeat place only if its rule lets it see the place', async () => {
    smtp = await startSmtp();
    core = await createCore(smtp.url, PETERBOROUGH);
    const crime = {
      danger: 'no', reporterRole: 'victim', motivation: ['race'], incidentType: ['verbal-abuse'], placeType: 'place',
      date: '2026-11-21', description: 'Shouted at in the street', injuries: 'no', contactChoice: 'contact', name: 'Jo',
      phone: '07700 900777', wantsSupport: 'yes', consentVictimsHub: 'yes',
    };
    for (const postcode of ['PE1 2AB', 'PE1 2AD', 'PE1 2AE']) await core.submit('hate-crime', { ...crime, postcode, street: 'Lincoln Road' });
    await core.dispatcher().runOnce();
    const last = (address: string) => smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === address).at(-1)!;
    expect(last('hate-crime@police.example.org').text).toContain('with a postcode in sector PE1 2');
    expect(last('hate-crime@police.example.org').text).toContain('naming the street "lincoln road"');
    // The Victims' Hub is not sent the place of a hate crime, so it is not told it repeats either.
    const hub = last('referrals@victims-hub.example.org').text!;
    expect(hub).not.toContain('Repeat location');
    expect(hub).not.toContain('PE1');
    expect(hub).not.toMatch(/lincoln road/i);
    // It does see the reporter's phone, so it hears the reporter may have reported before.
    expect(hub).toContain('Possible repeat victim');
  });
});

describe('repeats by another partnership’s thresholds (Riverside: a victim’s 3rd report in 12 months)', () => {
  it('flags the 3rd report from one phone, not the 2nd, and sends the flag to its own ASB team', async () => {
    smtp = await startSmtp();
    core = await createCore(smtp.url, 'riverside');
    const team = core.routing.partners.find((p) => p.id === 'borough-safety')!.email;
    for (let i = 0; i < 3; i++) {
      core.clock.now += 40 * DAY; // further apart than Peterborough's six months would count
      await core.submit('asb', { ...noise('07700 900123', new Date(core.clock.now - DAY).toISOString().slice(0, 10)), postcode: 'RV1 2AB' });
      await core.dispatcher().runOnce();
    }
    const emails = smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === team);
    expect(emails).toHaveLength(3);
    expect(emails[1].text).not.toContain('repeat victim');
    expect(emails[2].text).toContain('Possible repeat victim: 3rd report in 12 months giving the same phone number');
  });
});


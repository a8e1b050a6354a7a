import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { intake } from '../../api/intake/intake';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../support/core';
import { projectRoot } from '../support/fixtures';
import { startSmtp, type TestSmtp } from '../support/smtp';

let core: Awaited<ReturnType<typeof createCore>>;
let smtp: TestSmtp;
afterEach(async () => {
  await core.close();
  await smtp.stop();
});

const to = (m: ParsedMail) => (m.to && !Array.isArray(m.to) ? m.to.text : '');

async function send(type: string, answers: Record<string, unknown>, locale = 'en') {
  smtp = await startSmtp();
  // Peterborough's partners and what each of its rules lets them see.
  core = await createCore(smtp.url, 'peterborough');
  const result = await intake(
    { store: core.store, routing: core.routing, now: () => new Date(core.clock.now) },
    core.byId(type),
    { answers, locale },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  await core.dispatcher().runOnce();
  return { reference: result.reference, mails: smtp.received };
}

const hateCrime = {
  danger: 'no',
  reporterRole: 'victim',
  motivation: ['disability'],
  incidentType: ['verbal-abuse', 'threats'],
  placeType: 'place',
  location: 'Outside the library',
  date: '2026-11-20',
  description: 'UNIQUE-ACCOUNT shouted abuse about my wheelchair.',
  offenders: 'UNIQUE-OFFENDER, tall, red coat',
  witnesses: 'UNIQUE-WITNESS from the shop',
  injuries: 'no',
  contactChoice: 'contact',
  name: 'Jo',
  phone: '07700 900123',
  safeContact: ['text'],
  contactNotes: 'UNIQUE-SAFETY never call, text only',
  wantsSupport: 'yes',
  consentVictimsHub: 'yes',
};

describe('partner emails', () => {
  it('give each partner exactly the answers its rule allows, with safe contact first', async () => {
    const { mails } = await send('hate-crime', hateCrime);
    expect(mails.map(to).sort()).toEqual([
      'hate-crime-officer@cross-keys-homes.example.org',
      'hate-crime@police.example.org',
      'referrals@victims-hub.example.org',
    ]);
    const police = mails.find((m) => to(m) === 'hate-crime@police.example.org')!;
    const officer = mails.find((m) => to(m).startsWith('hate-crime-officer'))!;
    const hub = mails.find((m) => to(m).startsWith('referrals@victims-hub'))!;
    for (const text of ['UNIQUE-ACCOUNT', 'UNIQUE-OFFENDER', 'UNIQUE-WITNESS']) expect(police.text).toContain(text);
    expect(officer.text).toContain('UNIQUE-OFFENDER');
    expect(officer.text).not.toContain('UNIQUE-WITNESS');
    expect(officer.html).not.toContain('UNIQUE-WITNESS');
    expect(hub.text).toContain('UNIQUE-ACCOUNT');
    expect(hub.text).not.toContain('UNIQUE-OFFENDER');
    expect(hub.text).not.toContain('UNIQUE-WITNESS');
    for (const mail of mails) {
      const safety = mail.text!.indexOf('UNIQUE-SAFETY');
      expect(safety, to(mail)).toBeGreaterThan(0);
      expect(safety, to(mail)).toBeLessThan(mail.text!.indexOf('UNIQUE-ACCOUNT'));
      expect(mail.text).not.toContain('In danger now');
    }
  });

  it('send the reporter a confirmation in their language only when asked, naming no crime', async () => {
    const { reference, mails } = await send(
      'hate-crime',
      { ...hateCrime, email: 'jo@example.org', confirmByEmail: 'yes', safeContact: ['email'] },
      'pl',
    );
    const confirmation = mails.find((m) => to(m) === 'jo@example.org')!;
    expect(confirmation.subject).toContain(reference);
    expect(`${confirmation.subject} ${confirmation.text}`).not.toMatch(/hate|crime|abuse|police|przestęp|nienawi/i);
    expect(confirmation.text).toContain(reference);
    const polish = JSON.parse(readFileSync(join(projectRoot, 'i18n/pl.json'), 'utf8')) as Record<string, string>;
    expect(confirmation.text).toContain(polish['confirmation.received'].replace('{{reference}}', reference));
  });

  it('send no confirmation when the reporter did not ask for one', async () => {
    const { mails } = await send('hate-crime', { ...hateCrime, email: 'jo@example.org', confirmByEmail: 'no' });
    expect(mails.map(to)).not.toContain('jo@example.org');
  });

  it('send a domestic abuse referral to the specialist service only with consent, text-only contact first', async () => {
    const referral = {
      danger: 'no',
      fullName: 'Sam Example',
      ageGroup: '25-64',
      name: 'Sam',
      phone: '07700 900456',
      safeContact: ['text'],
      contactNotes: 'UNIQUE-SAFETY my partner checks my calls',
      crimeType: 'domestic-abuse',
      crimeDescription: 'UNIQUE-ACCOUNT',
      reportedToPolice: 'no',
      supportWanted: ['safety'],
      interpreter: 'no',
      consentShare: 'yes',
      consentSpecialist: 'yes',
    };
    const { mails } = await send('victims-hub', referral);
    expect(mails.map(to).sort()).toEqual(['outreach@domestic-abuse.example.org', 'referrals@victims-hub.example.org']);
    for (const mail of mails) {
      expect(mail.text!.indexOf('UNIQUE-SAFETY')).toBeLessThan(mail.text!.indexOf('UNIQUE-ACCOUNT'));
      expect(mail.subject).toMatch(/^Victims' Hub self-referral report REF-/);
    }
  });
});

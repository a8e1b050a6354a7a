import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../../api/definitions/schema';
import { renderReportEmail } from '../../../api/mail/render-report';
import type { StoredReport } from '../../../api/store/store';
import { NOW } from '../../support/fixtures';
import { partnershipSetup } from '../../support/setup';

const asb = partnershipSetup().byId('asb');
const partner = { id: 'council-asb', name: 'Council ASB team', email: 'asb@example.org' };

function report(answers: Record<string, unknown>, locale = 'pl'): StoredReport {
  const result = validateAnswers(asb, answers, NOW);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { id: 1, reference: 'ASB-7KQ4-M2XD', type: 'asb', locale, answers: result.answers, createdAt: NOW.getTime(), flags: {} };
}

const withContact = {
  danger: 'no',
  kind: 'harassment',
  postcode: 'pe1 1hq',
  date: '2026-11-20',
  ongoing: 'yes',
  description: '<script>alert(1)</script> & "quotes"',
  reportedBefore: 'no',
  contactChoice: 'contact',
  name: 'Sam <Example>',
  phone: '07700 900123',
  safeContact: ['text'],
  contactNotes: 'Never leave a voicemail',
};

describe('the partner email for an ASB report', () => {
  const email = renderReportEmail(asb, report(withContact), partner, 'Safer Peterborough Partnership');

  it('has the reference, the type and the area in its subject, but not the full postcode', () => {
    expect(email.subject).toBe('ASB report ASB-7KQ4-M2XD: Harassment or intimidation, PE1');
  });

  it('prints how to contact the reporter safely before anything else', () => {
    const safe = email.text.indexOf('Safe ways to contact:\nText message');
    expect(safe).toBeGreaterThan(0);
    expect(email.text.indexOf('Never leave a voicemail')).toBeGreaterThan(safe);
    expect(email.text.indexOf('Kind of behaviour')).toBeGreaterThan(email.text.indexOf('Never leave a voicemail'));
  });

  it('lists every shown answer in the definition’s order with its English label', () => {
    const labels = ['Kind of behaviour:', 'Postcode:', 'Place:', 'Date:', 'Time:', 'Still happening:', 'What happened:', 'Name:', 'Phone:'];
    const positions = labels.map((l) => email.text.indexOf(l));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(email.text).toContain('20 November 2026');
  });

  it('names the language the reporter used', () => {
    expect(email.text).toContain('The reporter used the portal in Polish.');
  });

  it('escapes answers in HTML and leaves them as typed in plain text', () => {
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('Sam &lt;Example&gt;');
    expect(email.text).toContain('<script>alert(1)</script> & "quotes"');
  });

  it('says "no postcode given" when the place is described instead', () => {
    const { postcode: _omit, ...rest } = withContact;
    const noPostcode = renderReportEmail(asb, report({ ...rest, location: 'Central Park' }), partner, 'SPP');
    expect(noPostcode.subject).toBe('ASB report ASB-7KQ4-M2XD: Harassment or intimidation, no postcode given');
  });
});

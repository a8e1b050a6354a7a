import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../../api/definitions/schema';
import { resolveRecipients } from '../../../api/routing/resolve-recipients';
import { NOW } from '../../support/fixtures';
import { partnershipSetup } from '../../support/setup';

// Peterborough's own rules: a table of what its partnership decided.
const { routing, byId } = partnershipSetup('peterborough');

function route(type: string, answers: Record<string, unknown>) {
  const definition = byId(type);
  const result = validateAnswers(definition, answers, NOW);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return resolveRecipients(definition, result.answers, routing);
}
const ids = (type: string, answers: Record<string, unknown>) => route(type, answers).map((r) => r.partner.id);
const hate = byId('hate-crime').examples.valid;
const hub = byId('victims-hub').examples.valid;

describe('hate crime routing', () => {
  it('routes an anonymous report to the police hate crime team and the Hate Crime Officer', () => {
    expect(ids('hate-crime', hate[0].answers)).toEqual(['police-hate-crime', 'hate-crime-officer']);
  });

  it('also routes to the Victims’ Hub when the person wants support and agrees', () => {
    expect(ids('hate-crime', hate[1].answers)).toEqual(['police-hate-crime', 'hate-crime-officer', 'victims-hub']);
  });

  it('does not route to the Victims’ Hub when the person wants no support', () => {
    const answers = { ...hate[1].answers, wantsSupport: 'no', consentVictimsHub: undefined };
    expect(ids('hate-crime', answers)).toEqual(['police-hate-crime', 'hate-crime-officer']);
  });

  it('gives the police every answer, and the Hate Crime Officer no witnesses’ details', () => {
    const [police, officer] = route('hate-crime', hate[1].answers);
    expect(police.fields).toBeUndefined();
    expect(officer.fields).not.toContain('witnesses');
    expect(officer.fields).toEqual(expect.arrayContaining(['description', 'safeContact', 'safeTimes', 'contactNotes']));
  });
});

describe('Victims’ Hub self-referral routing', () => {
  it('routes a referral to the Victims’ Hub with every answer', () => {
    expect(route('victims-hub', hub[0].answers)).toEqual([{ partner: expect.objectContaining({ id: 'victims-hub' }) }]);
  });

  it.each([
    ['domestic abuse with consent', { crimeType: 'domestic-abuse', consentSpecialist: 'yes' }, ['victims-hub', 'domestic-abuse-outreach']],
    ['domestic abuse without consent', { crimeType: 'domestic-abuse', consentSpecialist: 'no' }, ['victims-hub']],
    ['sexual violence with consent', { crimeType: 'sexual-violence', consentSpecialist: 'yes' }, ['victims-hub', 'sexual-violence-support']],
    ['sexual violence without consent', { crimeType: 'sexual-violence', consentSpecialist: 'no' }, ['victims-hub']],
    [
      'restorative justice with consent',
      { supportWanted: ['restorative-justice'], consentRestorative: 'yes' },
      ['victims-hub', 'restorative-justice'],
    ],
    ['restorative justice without consent', { supportWanted: ['restorative-justice'], consentRestorative: 'no' }, ['victims-hub']],
  ])('routes %s', (_name, change, expected) => {
    expect(ids('victims-hub', { ...hub[0].answers, ...change })).toEqual(expected);
  });

  it('gives a specialist service only its listed answers, always with how to contact safely', () => {
    const [, outreach] = route('victims-hub', { ...hub[1].answers });
    expect(outreach.partner.id).toBe('domestic-abuse-outreach');
    expect(outreach.fields).toEqual(expect.arrayContaining(['name', 'phone', 'safeContact', 'contactNotes', 'crimeType']));
    expect(outreach.fields).not.toContain('confirmByEmail');
  });

  it('never routes to the IDVA service, which takes referrals from professionals only', () => {
    expect(routing.partners.map((p) => `${p.id} ${p.name}`).join(' ')).not.toMatch(/idva|independent domestic violence/i);
  });
});

describe('hate crime reported for someone else', () => {
  const forSomeone = hate.find((e) => e.answers.reporterRole === 'on-behalf')!.answers;

  it('gives the Hate Crime Officer who it happened to, how to reach them and whether they agree', () => {
    const officer = route('hate-crime', forSomeone).find((r) => r.partner.id === 'hate-crime-officer')!;
    expect(officer.fields).toEqual(expect.arrayContaining(['victimName', 'victimContact', 'victimAware', 'street']));
  });

  it('tells the Victims’ Hub whether they agree, but not who they are or how to reach them', () => {
    const answers = { ...forSomeone, wantsSupport: 'yes', consentVictimsHub: 'yes' };
    const hub = route('hate-crime', answers).find((r) => r.partner.id === 'victims-hub')!;
    expect(hub.fields).toContain('victimAware');
    expect(hub.fields).not.toContain('victimName');
    expect(hub.fields).not.toContain('victimContact');
  });
});

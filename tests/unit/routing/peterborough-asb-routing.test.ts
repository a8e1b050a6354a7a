import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../../api/definitions/schema';
import { resolveRecipients } from '../../../api/routing/resolve-recipients';
import { NOW } from '../../support/fixtures';
import { partnershipSetup } from '../../support/setup';

// Peterborough's own rules: a table of what its partnership decided.
const { routing, byId } = partnershipSetup('peterborough');
const asb = byId('asb');
const base = {
  danger: 'no',
  postcode: 'PE1 1HQ',
  date: '2026-11-20',
  ongoing: 'no',
  description: 'x',
  reportedBefore: 'no',
  contactChoice: 'anonymous',
};

function recipients(answers: Record<string, unknown>): string[] {
  const result = validateAnswers(asb, { ...base, ...answers }, NOW);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return resolveRecipients(asb, result.answers, routing).map((r) => r.partner.id);
}

describe('Peterborough ASB routing', () => {
  it.each([
    ['routes noise to the council ASB team only', { kind: 'noise' }, ['council-asb']],
    ['routes drug dealing to the council and the police neighbourhood team', { kind: 'drugs' }, ['council-asb', 'police-neighbourhood']],
    [
      'routes ASB on a Cross Keys Homes property to Cross Keys Homes too',
      { kind: 'noise', landlord: 'cross-keys-homes' },
      ['council-asb', 'cross-keys-homes'],
    ],
    [
      'routes drug dealing on a Cross Keys Homes estate to all three, once each',
      { kind: 'drugs', landlord: 'cross-keys-homes' },
      ['council-asb', 'police-neighbourhood', 'cross-keys-homes'],
    ],
    ['does not route a private landlord’s property to a housing provider', { kind: 'graffiti', landlord: 'private' }, ['council-asb']],
  ])('%s', (_name, answers, expected) => {
    expect(recipients(answers)).toEqual(expected);
  });
});

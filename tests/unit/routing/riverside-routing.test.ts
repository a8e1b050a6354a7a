import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../../api/definitions/schema';
import { resolveRecipients } from '../../../api/routing/resolve-recipients';
import { NOW } from '../../support/fixtures';
import { partnershipSetup } from '../../support/setup';

// A second partnership's own rules: the same report types, other partners, other decisions.
const { routing, byId } = partnershipSetup('riverside');

function route(type: string, answers: Record<string, unknown>) {
  const result = validateAnswers(byId(type), answers, NOW);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return resolveRecipients(byId(type), result.answers, routing);
}
const asb = { danger: 'no', kind: 'noise', location: 'By the river', date: '2026-11-20', ongoing: 'no', description: 'x', reportedBefore: 'no', contactChoice: 'anonymous' };

describe('Riverside routing', () => {
  it.each([
    ['noise to the borough’s community safety team only', { kind: 'noise' }, ['borough-safety']],
    ['youth disorder to the police too (Riverside’s choice, not Peterborough’s)', { kind: 'youth' }, ['borough-safety', 'river-police']],
    ['ASB on a River Homes estate to River Homes too', { kind: 'noise', landlord: 'river-homes' }, ['borough-safety', 'river-homes']],
  ])('sends %s', (_name, answers, expected) => {
    expect(route('asb', { ...asb, ...answers }).map((r) => r.partner.id)).toEqual(expected);
  });

  it('offers its own housing provider, by its own name, in the ASB form', () => {
    const landlord = byId('asb').sections.flatMap((s) => s.questions).find((q) => q.id === 'landlord')!;
    expect(landlord.options?.[0]).toBe('river-homes');
    expect(landlord.optionNames).toEqual({ 'river-homes': 'River Homes' });
  });

  it('gives River Homes only the answers its rule allows', () => {
    const homes = route('asb', { ...asb, landlord: 'river-homes', contactChoice: 'contact', name: 'Al', phone: '07700 900123', confirmByEmail: 'no' }).find((r) => r.partner.id === 'river-homes')!;
    expect(homes.fields).toContain('phone');
    expect(homes.fields).not.toContain('confirmByEmail');
  });

  it('counts repeats by its own thresholds', () => {
    expect(routing.repeats.victim.minReports).toBe(3);
    expect(routing.repeats.caseReview.minReports).toBe(4);
  });
});

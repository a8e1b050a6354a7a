import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../../api/definitions/schema';
import { NOW } from '../../support/fixtures';
import { partnershipSetup } from '../../support/setup';

const setup = partnershipSetup();
const asb = setup.byId('asb');
const base = {
  danger: 'no',
  kind: 'noise',
  postcode: 'PE1 1HQ',
  date: '2026-11-20',
  ongoing: 'no',
  description: 'Music all night',
  reportedBefore: 'no',
  contactChoice: 'anonymous',
};

function valid(answers: Record<string, unknown>) {
  const result = validateAnswers(asb, answers, NOW);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.answers;
}

function firstError(answers: Record<string, unknown>) {
  const result = validateAnswers(asb, answers, NOW);
  if (result.ok) throw new Error('expected an error');
  return result.errors[0];
}

describe('ASB answers', () => {
  it('normalises a postcode typed in lower case without a space', () => {
    expect(valid({ ...base, postcode: ' pe11hq ' }).postcode).toBe('PE1 1HQ');
  });

  it('stores a time typed as 9.30 as 09:30', () => {
    expect(valid({ ...base, time: '9.30' }).time).toBe('09:30');
  });

  it('refuses an impossible date', () => {
    expect(firstError({ ...base, date: '2026-02-30' })).toMatchObject({ path: 'date', code: 'invalid' });
  });

  it('accepts today and refuses tomorrow', () => {
    expect(valid({ ...base, date: '2026-11-25' }).date).toBe('2026-11-25');
    expect(firstError({ ...base, date: '2026-11-26' })).toMatchObject({ path: 'date', code: 'future' });
  });

  it('refuses a question the report does not have', () => {
    expect(firstError({ ...base, favouriteColour: 'blue' })).toMatchObject({ path: 'favouriteColour', code: 'unknownField' });
  });

  it('drops contact details given with an anonymous report', () => {
    const answers = valid({ ...base, contactChoice: 'anonymous', name: 'Sam', phone: '07700 900123' });
    expect(answers).not.toHaveProperty('name');
    expect(answers).not.toHaveProperty('phone');
  });

  it('asks for a name when the reporter wants to be contacted', () => {
    expect(firstError({ ...base, contactChoice: 'contact', phone: '07700 900123' })).toMatchObject({
      path: 'name',
      code: 'required',
    });
  });

  it('refuses an option that is not offered', () => {
    expect(firstError({ ...base, kind: 'shoplifting' })).toMatchObject({ path: 'kind', code: 'invalid' });
    expect(firstError({ ...base, impact: ['health', 'boredom'] })).toMatchObject({ path: 'impact', code: 'invalid' });
  });

  it('keeps multiple choices in the order the question offers them', () => {
    expect(valid({ ...base, impact: ['targeted', 'unsafe-at-home'] }).impact).toEqual(['unsafe-at-home', 'targeted']);
  });

  it('gives the longest allowed length with a too-long answer', () => {
    expect(firstError({ ...base, description: 'x'.repeat(5001) })).toEqual({
      path: 'description',
      code: 'tooLong',
      params: { max: 5000 },
    });
  });

  it('takes line breaks out of one-line answers', () => {
    const answers = valid({ ...base, contactChoice: 'contact', name: 'Al\r\nBcc: x@example.org', phone: '07700900123' });
    expect(answers.name).toBe('Al Bcc: x@example.org');
  });

  it('refuses a number where text belongs', () => {
    expect(firstError({ ...base, description: 42 })).toMatchObject({ path: 'description', code: 'invalid' });
  });

  it('refuses answers that are not an object', () => {
    expect(validateAnswers(asb, ['noise'], NOW)).toEqual({ ok: false, errors: [{ path: '', code: 'notAnObject' }] });
  });

  it('offers the configured housing providers before the fixed answers', () => {
    const landlord = asb.sections.flatMap((s) => s.questions).find((q) => q.id === 'landlord')!;
    const [provider] = setup.routing.housingProviders;
    expect(landlord.options?.[0]).toBe(provider);
    expect(landlord.optionNames?.[provider]).toBe(setup.routing.partners.find((p) => p.id === provider)!.name);
    expect(valid({ ...base, landlord: provider }).landlord).toBe(provider);
  });

  it('says an email address may be 254 characters, the limit it applies', () => {
    const long = `${'a'.repeat(250)}@example.org`;
    expect(firstError({ ...base, contactChoice: 'contact', name: 'Al', email: long })).toEqual({ path: 'email', code: 'tooLong', params: { max: 254 } });
  });
});

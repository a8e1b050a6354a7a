import { describe, expect, it } from 'vitest';
import { matchKeys } from '../../../api/repeats/keys';
import { partnershipSetup } from '../../support/setup';

const asb = partnershipSetup().byId('asb');
import { normaliseEmail, normalisePhone, normaliseStreet, postcodeSector } from '../../../api/repeats/normalise';

describe('normalising contact details and places', () => {
  it.each(['07700 900123', '07700900123', '+44 7700 900123', '+44 (0)7700 900123', '0044 7700-900-123', '447700900123', '(07700) 900 123'])(
    'gives one form for the phone number %s',
    (phone) => expect(normalisePhone(phone)).toBe('07700900123'),
  );

  it('ignores the case and spaces around an email address', () => {
    expect(normaliseEmail('  Sam.Example@Example.ORG ')).toBe('sam.example@example.org');
  });

  it.each([
    ['PE1 1HQ', 'PE1 1'],
    ['pe11hq', 'PE1 1'],
    [' Pe1  1hQ ', 'PE1 1'],
    ['PE10 9AB', 'PE10 9'],
  ])('finds the postcode sector of %s', (postcode, sector) => expect(postcodeSector(postcode)).toBe(sector));

  it.each(['12 Lincoln Rd.', 'lincoln road', '  LINCOLN   ROAD ', '12a Lincoln Road'])('gives one form for the street %s', (street) =>
    expect(normaliseStreet(street)).toBe('lincoln road'),
  );

  it('gives the same keys for the same person and place however they were written', () => {
    const secret = Buffer.from('x'.repeat(32));
    const a = matchKeys(asb, { contactChoice: 'contact', phone: '07700 900123', postcode: 'PE1 1HQ' }, secret);
    const b = matchKeys(asb, { contactChoice: 'contact', phone: '+44 7700 900 123', postcode: 'pe11hq' }, secret);
    expect(a).toEqual(b);
    expect(a.map((k) => k.kind)).toEqual(['phone', 'postcode', 'sector']);
    expect(JSON.stringify(a)).not.toContain('7700');
  });

  it('keys an anonymous report by its place only', () => {
    const keys = matchKeys(asb, { contactChoice: 'anonymous', phone: '07700 900123', postcode: 'PE1 1HQ' }, Buffer.from('x'.repeat(32)));
    expect(keys.map((k) => k.kind)).toEqual(['postcode', 'sector']);
  });

  it('gives different keys under a different secret', () => {
    const answers = { contactChoice: 'contact', email: 'a@example.org' };
    expect(matchKeys(asb, answers, Buffer.from('x'.repeat(32)))).not.toEqual(matchKeys(asb, answers, Buffer.from('y'.repeat(32))));
  });
});

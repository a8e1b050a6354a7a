import { afterEach, describe, expect, it } from 'vitest';
import { wordingOf } from '../../../api/routing/wording';
import { translator, useWording } from '../../../i18n';
import { partnershipSetup } from '../../support/setup';

// The chat asks for the same words on every turn, so they are kept; a partnership's new wording
// must still reach every one of them.
describe('words kept between turns', () => {
  const wording = wordingOf(partnershipSetup().routing.partnership);
  afterEach(() => useWording(wording));

  it('follows a change of wording for a plain key, keys tried in turn, and a key with a default', () => {
    const t = translator('en');
    const asked = () => [t('site.name'), t(['no.such.key', 'site.name']), t('site.name', { defaultValue: '' })];
    useWording({ ...wording, siteName: 'First Portal' });
    expect(asked()).toEqual(['First Portal', 'First Portal', 'First Portal']);
    useWording({ ...wording, siteName: 'Second Portal' });
    expect(asked()).toEqual(['Second Portal', 'Second Portal', 'Second Portal']);
  });

  it('keeps a default apart from the text it stands in for', () => {
    const t = translator('en');
    expect(t('no.such.hint', { defaultValue: '' })).toBe('');
    expect(t('no.such.hint', { defaultValue: 'fallback' })).toBe('fallback');
  });
});

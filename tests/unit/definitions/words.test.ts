import { describe, expect, it } from 'vitest';
import { checkWords, wordsNeeded } from '../../../api/definitions/words';
import { englishCatalog, partnerCatalog } from '../../../i18n';
import { partnershipSetup } from '../../support/setup';

const { definitions, byId } = partnershipSetup();

describe('the words a report type needs', () => {
  it.each(definitions.map((d) => [d.id, d] as const))('are all in English for %s', (_id, definition) => {
    const needed = wordsNeeded(definition);
    expect(needed.catalog.filter((key) => !englishCatalog[key])).toEqual([]);
    expect(needed.partner.filter((key) => !partnerCatalog[key])).toEqual([]);
  });

  it('name a new question’s label, short label and options, so a missing one fails before it shows as a raw key', () => {
    const asb = structuredClone(byId('asb'));
    asb.sections[1].questions.push({ id: 'lighting', kind: 'choice', options: ['lit', 'dark'], optional: true });
    expect(wordsNeeded(asb).catalog).toEqual(
      expect.arrayContaining(['report.asb.question.lighting.label', 'report.asb.question.lighting.short', 'report.asb.question.lighting.option.dark']),
    );
    expect(() => checkWords(asb, englishCatalog, partnerCatalog)).toThrow(
      /^report type "asb": missing English words: report\.asb\.question\.lighting\.label, report\.asb\.question\.lighting\.short, report\.asb\.question\.lighting\.option\.lit and 1 more/,
    );
  });
});

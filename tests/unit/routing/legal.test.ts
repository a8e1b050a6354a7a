import { describe, expect, it } from 'vitest';
import { exampleValues, legalSchema } from '../../../api/routing/legal-schema';
import { partnershipRouting } from '../../support/fixtures';

describe('the legal part of the partnership file', () => {
  it('names every value still on an example domain, by its path, and no real one', () => {
    expect(
      exampleValues({ contact: { email: 'privacy@council.example.org', post: 'Town Hall, Bridge Street' }, controllers: [{ name: 'A council', dpo: 'dpo@example.com' }], website: 'https://www.peterborough.gov.uk' }),
    ).toEqual(['contact.email', 'controllers.0.dpo']);
  });

  it('refuses a site that is not fully compliant but lists no failing, and a failing without its criterion', () => {
    const { legal } = partnershipRouting().routing;
    const partial = { ...legal, accessibility: { ...legal.accessibility, status: 'partial', issues: [] } };
    expect(legalSchema.safeParse(partial).error?.issues.map((i) => i.path.join('.'))).toEqual(['accessibility.issues']);
    const vague = { ...legal, accessibility: { ...legal.accessibility, issues: [{ issue: 'The chat is hard to use', criterion: 'chat' }] } };
    expect(legalSchema.safeParse(vague).error?.issues[0].message).toMatch(/WCAG criterion/);
  });
});

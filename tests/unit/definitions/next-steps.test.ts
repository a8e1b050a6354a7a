import { describe, expect, it } from 'vitest';
import { nextSteps } from '../../../api/definitions/next-steps';
import { resolveDefinition } from '../../../api/definitions/resolve';
import { definitions } from '../../../api/report-types';
import { translator } from '../../../i18n';
import { partnershipSetup } from '../../support/setup';

const { routing } = partnershipSetup();
const hateCrime = definitions.find((d) => d.id === 'hate-crime')!;
const promising = (days: number) => resolveDefinition(hateCrime, { ...routing, workspace: { ...routing.workspace, acknowledge: { ...routing.workspace.acknowledge, workingDays: { ...routing.workspace.acknowledge.workingDays, 'hate-crime': days } } } });

describe('what a confirmation says happens next', () => {
  it('gives the time to acknowledge the partnership set, in the reader’s language and grammar', () => {
    expect(nextSteps(promising(1), translator('en'))).toContain('usually within 1 working day.');
    expect(nextSteps(promising(3), translator('en'))).toContain('usually within 3 working days.');
    expect(nextSteps(promising(2), translator('pl'))).toContain('2 dni roboczych');
    expect(nextSteps(promising(5), translator('pl'))).toContain('5 dni roboczych');
    expect(nextSteps(promising(1), translator('pl'))).toContain('1 dnia roboczego');
    expect(nextSteps(promising(3), translator('en'), 'confirmation.next.sensitive')).toBe('Someone will contact you in the way you said is safe, usually within 3 working days.');
  });

  it('promises every report type’s own time, the ASB team’s too, never a time the partnership did not set', () => {
    for (const type of definitions) {
      const days = routing.workspace.acknowledge.workingDays[type.id];
      for (const key of [`form.confirmation.next.${type.id}`, `confirmation.next.${type.sensitive ? 'sensitive' : 'default'}`]) {
        const said = nextSteps(resolveDefinition(type, routing), translator('en'), key);
        // Modern slavery's team makes no promise of a time: it says it "may" contact.
        if (type.id !== 'modern-slavery' || !key.startsWith('form.')) expect(said, key).toContain(`usually within ${days} working day`);
        expect(said).not.toMatch(/48 hours/);
      }
    }
    for (const locale of ['pl', 'lt', 'ro', 'pt', 'ur'] as const) {
      for (const key of ['form.confirmation.next.asb', 'confirmation.next.default']) expect(translator(locale)(key), `${locale} ${key}`).toContain('{{within}}');
    }
  });

  it('is refused for a report type not resolved against a partnership file, rather than guessed', () => {
    expect(() => nextSteps(hateCrime, translator('en'))).toThrow(/not resolved/);
  });

  it('leaves no placeholder in any language', () => {
    for (const locale of ['en', 'pl', 'lt', 'ro', 'pt', 'ur'] as const) {
      for (const type of definitions) expect(nextSteps(resolveDefinition(type, routing), translator(locale))).not.toMatch(/\{\{|\}\}/);
    }
  });
});

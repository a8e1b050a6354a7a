import type { TFunction } from 'i18next';
import { questionKey, questionsOf, type Definition } from '../../../api/definitions/types';
import type { Routing } from '../../../api/routing/routing-schema';

export interface Recipient {
  partners: string[];
  /** Each condition as the reader's words put it: the question's short label and its answers. */
  when: { question: string; answers: string[] }[];
  /** The short labels of the answers these partners do not receive. */
  withheld: string[];
}

/**
 * Who receives each type of report, read from the routing rules in force: a partner added to
 * the partnership file appears in the privacy notice with no other change.
 */
export function recipientsByType(routing: Routing, definitions: Definition[], t: TFunction) {
  const partnerName = (id: string) => routing.partners.find((p) => p.id === id)?.name ?? id;
  return definitions.map((definition) => {
    const short = (id: string) => t(`${questionKey(definition, id)}.short`);
    const option = (id: string, value: string) => {
      const question = questionsOf(definition).find((q) => q.id === id);
      return question?.optionNames?.[value] ?? t(`${questionKey(definition, id)}.option.${value}`);
    };
    const rules = routing.rules.filter((r) => r.report === definition.id);
    return {
      type: definition.id,
      title: t(`report.${definition.id}.title`),
      recipients: rules.map(
        (rule): Recipient => ({
          partners: rule.to.map(partnerName),
          when: Object.entries(rule.when ?? {}).map(([id, values]) => ({ question: short(id), answers: values.map((v) => option(id, v)) })),
          withheld: (rule.withheld ?? []).map(short),
        }),
      ),
    };
  });
}

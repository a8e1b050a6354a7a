import type { Answers, Definition } from '../definitions/types';
import type { Partner, Routing, Rule } from './routing-schema';

function matches(rule: Rule, answers: Answers): boolean {
  return Object.entries(rule.when ?? {}).every(([question, values]) => {
    const answer = answers[question];
    const given = Array.isArray(answer) ? answer : answer === undefined ? [] : [answer];
    return given.some((value) => values.includes(value));
  });
}

/** The partners who receive a valid report, once each, in the order the rules name them. */
export function resolveRecipients(definition: Definition, answers: Answers, routing: Routing): Partner[] {
  const ids = routing.rules
    .filter((rule) => rule.report === definition.id && matches(rule, answers))
    .flatMap((rule) => rule.to);
  return [...new Set(ids)].map((id) => routing.partners.find((p) => p.id === id)!);
}

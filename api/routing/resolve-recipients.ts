import type { Answers, Definition } from '../definitions/types';
import type { RepeatFlags, VictimBasis } from '../repeats/flags';
import type { Partner, Routing, Rule } from './routing-schema';

export interface Recipient {
  partner: Partner;
  /** The answers this partner may see; undefined means all of them. */
  fields?: string[];
}

function matches(rule: Rule, answers: Answers): boolean {
  return Object.entries(rule.when ?? {}).every(([question, values]) => {
    const answer = answers[question];
    const given = Array.isArray(answer) ? answer : answer === undefined ? [] : [answer];
    return given.some((value) => values.includes(value));
  });
}

/**
 * The partners who receive a valid report, once each, in the order the rules name them, each
 * with the answers its rules allow: a partner named by several rules sees what any of them
 * allows. How to contact the reporter safely (the definition's printFirst) always goes with
 * the report, so no partner contacts someone in a way they said is unsafe.
 */
export function resolveRecipients(definition: Definition, answers: Answers, routing: Routing): Recipient[] {
  const byPartner = new Map<string, Set<string> | 'all'>();
  for (const rule of routing.rules) {
    if (rule.report !== definition.id || !matches(rule, answers)) continue;
    for (const id of rule.to) {
      const sofar = byPartner.get(id);
      if (sofar === 'all' || !rule.fields) byPartner.set(id, 'all');
      else byPartner.set(id, new Set([...(sofar ?? []), ...rule.fields, ...definition.printFirst]));
    }
  }
  return [...byPartner].map(([id, fields]) => ({
    partner: routing.partners.find((p) => p.id === id)!,
    ...(fields !== 'all' && { fields: [...fields] }),
  }));
}

/** The answers one recipient may see. */
export function visibleAnswers(answers: Answers, fields: string[] | undefined): Answers {
  if (!fields) return answers;
  return Object.fromEntries(Object.entries(answers).filter(([key]) => fields.includes(key)));
}

const BASIS_FIELDS: Record<VictimBasis, string[]> = { email: ['email'], phone: ['phone'], contact: ['email', 'phone'] };

/**
 * The repeat flags one recipient may see: a flag is built from answers (a phone number, a
 * postcode, a street), and goes only to a partner allowed to see the answers it was built on.
 */
export function visibleFlags(flags: RepeatFlags, fields: string[] | undefined): RepeatFlags {
  if (!fields) return flags;
  const sees = (field: string) => fields.includes(field);
  const seesBasis = (on: VictimBasis[]) => on.length > 0 && on.every((basis) => BASIS_FIELDS[basis].some(sees));
  const { repeatVictim, repeatLocation, repeatStreet, caseReview, communityCaseReview } = flags;
  return {
    ...(repeatVictim && seesBasis(repeatVictim.on) && { repeatVictim }),
    ...(repeatLocation && sees('postcode') && { repeatLocation }),
    ...(repeatStreet && sees('street') && { repeatStreet }),
    ...(caseReview && seesBasis(caseReview.on) && { caseReview }),
    ...(communityCaseReview && sees('postcode') && { communityCaseReview }),
  };
}

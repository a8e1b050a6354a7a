import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../../api/definitions/check';
import type { Definition } from '../../../api/definitions/types';
import { partnershipSetup } from '../../support/setup';

const { definitions, byId } = partnershipSetup();

/** A copy of the ASB definition with one change made by `change`. */
function asbWith(change: (d: Definition) => void): Definition {
  const copy = structuredClone(byId('asb'));
  change(copy);
  return copy;
}
const question = (d: Definition, id: string) => d.sections.flatMap((s) => s.questions).find((q) => q.id === id)!;

describe('checking a report type before it takes reports', () => {
  it.each(definitions.map((d) => [d.id, d] as const))('passes the shipped %s', (_id, definition) => {
    expect(() => checkDefinition(definition)).not.toThrow();
  });

  it.each([
    ['a misspelt condition, which would hide its question for ever', (d: Definition) => (question(d, 'previousReferences').showWhen = { question: 'reportedBefor', in: ['yes'] }), /question "previousReferences" showWhen: "reportedBefor" is not a question asked before this one/],
    ['a condition on an answer the question does not have', (d: Definition) => (question(d, 'previousReferences').showWhen = { question: 'reportedBefore', in: ['often'] }), /"often" is not an answer to "reportedBefore"/],
    ['a misspelt rule, which would throw on every submission', (d: Definition) => (d.rules[0] = { atLeastOne: ['postcod', 'location'], code: 'whereMissing' }), /rules\.0\.atLeastOne: names no question of this report type \("postcod"\)/],
    ['a question id used twice', (d: Definition) => d.sections[1].questions.push({ id: 'kind', kind: 'text' }), /question "kind": is used twice/],
    ['one role on two questions', (d: Definition) => (question(d, 'location').role = 'postcode'), /role "postcode" is given to two questions/],
    ['a role on a question of the wrong kind', (d: Definition) => { delete question(d, 'postcode').role; question(d, 'location').role = 'postcode'; }, /question "location": role "postcode" needs a postcode question/],
    ['a typed answer as the email subject', (d: Definition) => (d.subjectQuestion = 'description'), /subjectQuestion: must be a choice/],
    ['printing first a question that does not exist', (d: Definition) => d.printFirst.push('safeContactt'), /printFirst: names no question/],
  ])('stops at %s, naming the type and the question', (_name, change, message) => {
    const definition = asbWith(change);
    expect(() => checkDefinition(definition)).toThrow(/^report type "asb": /);
    expect(() => checkDefinition(definition)).toThrow(message);
  });
});

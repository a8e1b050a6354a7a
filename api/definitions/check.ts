import { ConfigError } from '../config-error';
import { questionsOf, ROLE_KINDS, type Condition, type Definition, type Question } from './types';

const ID = /^[a-z][a-z0-9-]*$/;
const QUESTION_ID = /^[a-z][A-Za-z0-9]*$/;

/**
 * Checks a report type before the portal takes a single report with it: ids unique, every
 * condition, rule and email setting naming a real question (earlier in the form, for a
 * condition) and real answers, roles on questions that can carry them. A mistake stops
 * start-up (and the tests) with one line naming the type and the question; a misspelt condition
 * would otherwise hide its question for ever, and a misspelt rule throw on every submission.
 */
export function checkDefinition(definition: Definition): void {
  const fail = (where: string, problem: string) => {
    throw new ConfigError(`report type "${definition.id}"`, `${where}: ${problem}`);
  };
  if (!ID.test(definition.id)) fail('id', 'must be lowercase letters, digits and hyphens');
  if (!/^[A-Z]{2,4}$/.test(definition.referencePrefix)) fail('referencePrefix', 'must be 2 to 4 capital letters, readable aloud');
  const questions = questionsOf(definition);
  const seen = new Map<string, Question>();
  const sections = new Set<string>();
  for (const section of definition.sections) {
    if (sections.has(section.id)) fail(`section "${section.id}"`, 'is used twice');
    sections.add(section.id);
  }
  const roles = new Set<string>();
  for (const question of questions) {
    const where = `question "${question.id}"`;
    if (!QUESTION_ID.test(question.id)) fail(where, 'its id must be letters and digits, starting with a lowercase letter');
    if (seen.has(question.id)) fail(where, 'is used twice');
    const options = question.options ?? [];
    const choosing = question.kind === 'choice' || question.kind === 'multichoice';
    if (choosing && options.length === 0 && !question.optionsFrom) fail(where, 'offers no options');
    if (!choosing && (question.options || question.optionsFrom)) fail(where, `a ${question.kind} question takes no options`);
    if (new Set(options).size !== options.length) fail(where, 'offers an option twice');
    if (question.showWhen) checkCondition(question.showWhen, seen, (problem) => fail(`${where} showWhen`, problem));
    if (question.role) {
      if (roles.has(question.role)) fail(where, `role "${question.role}" is given to two questions`);
      if (!ROLE_KINDS[question.role].includes(question.kind)) fail(where, `role "${question.role}" needs a ${ROLE_KINDS[question.role].join(' or ')} question`);
      if (question.role === 'contactChoice' && !options.includes('anonymous')) fail(where, 'role "contactChoice" needs an "anonymous" option');
      if (question.role === 'confirmationWanted' && !options.includes('yes')) fail(where, 'role "confirmationWanted" needs a "yes" option');
      roles.add(question.role);
    }
    seen.set(question.id, question);
  }
  const named = (id: string, where: string) => {
    if (!seen.has(id)) fail(where, `names no question of this report type ("${id}")`);
  };
  definition.rules.forEach((rule, i) => {
    if ('atLeastOne' in rule) rule.atLeastOne.forEach((id) => named(id, `rules.${i}.atLeastOne`));
    else {
      named(rule.require, `rules.${i}.require`);
      checkCondition(rule.when, seen, (problem) => fail(`rules.${i}.when`, problem));
    }
  });
  definition.printFirst.forEach((id) => named(id, 'printFirst'));
  named(definition.subjectQuestion, 'subjectQuestion');
  if (!['choice', 'multichoice'].includes(seen.get(definition.subjectQuestion)!.kind)) {
    // The subject line goes into inbox listings: only an answer chosen from a list, never typed text.
    fail('subjectQuestion', 'must be a choice or multichoice question');
  }
}

/** A condition names a question asked before it, and answers that question can have. */
function checkCondition(condition: Condition, before: Map<string, Question>, fail: (problem: string) => void): void {
  const question = before.get(condition.question);
  if (!question) return fail(`"${condition.question}" is not a question asked before this one`);
  const answers = question.kind === 'consent' ? ['yes'] : (question.options ?? []);
  if (question.optionsFrom) return; // the partnership's configuration adds the rest; checked after resolving
  for (const value of condition.in) if (!answers.includes(value)) fail(`"${value}" is not an answer to "${condition.question}"`);
}

import type { TFunction } from 'i18next';
import { maxLengthOf } from '../definitions/schema';
import { questionKey, questionsOf, type Condition, type Definition, type Question, type Rule } from '../definitions/types';
import { fieldOf, STANDARD_FIELDS, standardQuestions, type StandardAnswer } from './standard-fields';

/** One entry of GET services: a report type as GeoReport v2 names it. */
export interface Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: true;
  type: 'realtime';
  keywords: string;
  group: string;
}

export type Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface Attribute {
  variable: boolean;
  code: string;
  datatype: Datatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

export interface ServiceDefinition {
  service_code: string;
  attributes: Attribute[];
}

const DATATYPES: Record<Question['kind'], Datatype> = {
  choice: 'singlevaluelist',
  multichoice: 'multivaluelist',
  consent: 'singlevaluelist',
  date: 'datetime',
  time: 'string',
  postcode: 'string',
  email: 'string',
  phone: 'string',
  text: 'string',
  textarea: 'text',
  notice: 'string',
};

function format(question: Question): string | undefined {
  switch (question.kind) {
    case 'date':
      return 'A date, YYYY-MM-DD, today or earlier.';
    case 'time':
      return 'A time, HH:MM on the 24-hour clock.';
    case 'postcode':
      return 'A UK postcode.';
    case 'email':
      return 'An email address.';
    case 'phone':
      return 'A phone number of 10 to 15 digits.';
    case 'text':
    case 'textarea':
      return `Up to ${maxLengthOf(question)} characters.`;
    case 'consent':
      return 'The key yes, when the person agrees.';
    default:
      return undefined;
  }
}

/** "when attribute[contactChoice] is contact": GeoReport v2 has no conditions of its own. */
function condition(definition: Definition, when: Condition): string {
  const values = when.in.length === 1 ? when.in[0] : `one of ${when.in.join(', ')}`;
  return `when ${fieldOf(definition, when.question)} is ${values}`;
}

function ruleNote(definition: Definition, rule: Rule, t: TFunction): string {
  const message = t(`validation.${rule.code}`);
  return 'atLeastOne' in rule ? `${message}: give at least one of ${rule.atLeastOne.map((id) => fieldOf(definition, id)).join(', ')}.` : `${message}.`;
}

/** The report type's rules across questions, told on each attribute they name too. */
function rulesOn(definition: Definition, question: Question, t: TFunction): string[] {
  return definition.rules
    .filter((rule) => ('atLeastOne' in rule ? rule.atLeastOne : [rule.require, rule.when.question]).includes(question.id))
    .map((rule) => ruleNote(definition, rule, t));
}

function attributeOf(definition: Definition, question: Question, order: number, t: TFunction): Attribute {
  const key = questionKey(definition, question.id);
  const label = t(`${key}.label`);
  const hint = t(`${key}.hint`, { defaultValue: '' });
  const description = hint ? `${label}${/[.?!:]$/.test(label) ? '' : '.'} ${hint}` : label;
  if (question.kind === 'notice') {
    // Words shown to the person when their condition holds: no input.
    const shown = question.showWhen ? `Shown ${condition(definition, question.showWhen)}.` : null;
    return { variable: false, code: question.id, datatype: 'string', required: false, datatype_description: shown, order, description };
  }
  const asked = question.showWhen && `Only ${condition(definition, question.showWhen)}.`;
  const notes = [format(question), asked, ...rulesOn(definition, question, t)].filter(Boolean);
  const values =
    question.kind === 'consent'
      ? [{ key: 'yes', name: t(`${key}.label`) }]
      : question.options?.map((value) => ({ key: value, name: question.optionNames?.[value] ?? t(`${key}.option.${value}`) }));
  return {
    variable: true,
    code: question.id,
    datatype: DATATYPES[question.kind],
    // Required whenever asked: one asked only on a condition cannot say so here, its description does.
    required: !question.optional && !question.showWhen,
    datatype_description: notes.length > 0 ? notes.join(' ') : null,
    order,
    description,
    ...(values && { values }),
  };
}

/**
 * Which standard fields the type takes, when each is needed, and its rules across questions: a
 * service definition lists only attributes.
 */
function standardFieldsNote(definition: Definition, t: TFunction): string {
  const fields = Object.entries(standardQuestions(definition)).map(([answer, question]) => {
    const when = question.showWhen ? `, only ${condition(definition, question.showWhen)}` : '';
    return `${STANDARD_FIELDS[answer as StandardAnswer]} (${question.optional ? 'optional' : 'required'}${when})`;
  });
  const taken = fields.length > 0 ? `Standard fields it takes: ${fields.join(', ')}.` : 'It takes no standard fields: answer its attributes.';
  return [taken, ...definition.rules.map((rule) => ruleNote(definition, rule, t))].join(' ');
}

/** The questions a client answers as attributes: all but those a standard field answers. */
export function attributeQuestions(definition: Definition): Question[] {
  const standard = new Set(Object.values(standardQuestions(definition)).map((q) => q.id));
  return questionsOf(definition).filter((q) => !standard.has(q.id));
}

export function serviceOf(definition: Definition, t: TFunction, group: string): Service {
  const subject = questionsOf(definition).find((q) => q.id === definition.subjectQuestion);
  const subjectKey = questionKey(definition, definition.subjectQuestion);
  const keywords = (subject?.options ?? []).map((value) => (subject?.optionNames?.[value] ?? t(`${subjectKey}.option.${value}`)).replace(/,/g, ''));
  return {
    service_code: definition.id,
    service_name: t(`report.${definition.id}.title`),
    description: `${t(`report.${definition.id}.intro`)} ${standardFieldsNote(definition, t)}`,
    metadata: true,
    type: 'realtime',
    keywords: keywords.join(', '),
    group,
  };
}

/** Every question a standard field does not answer, as an attribute in the form's order: the danger question first. */
export function serviceDefinitionOf(definition: Definition, t: TFunction): ServiceDefinition {
  return { service_code: definition.id, attributes: attributeQuestions(definition).map((q, i) => attributeOf(definition, q, i + 1, t)) };
}

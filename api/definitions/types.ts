// A report type is defined once here; the form, the chat, the API and the email all read it.

export type QuestionKind =
  | 'choice' // one of options (radios)
  | 'multichoice' // any of options (checkboxes)
  | 'text' // one line
  | 'textarea' // free text
  | 'date' // YYYY-MM-DD, not in the future
  | 'time' // HH:MM, 24-hour
  | 'postcode' // UK postcode
  | 'email'
  | 'phone' // UK or international number
  | 'consent' // one checkbox that must be ticked: its only answer is "yes"
  | 'notice'; // no answer: information shown when its condition holds

/** Shown only when the answer to `question` is (or, for multichoice, includes) one of `in`. */
export interface Condition {
  question: string;
  in: string[];
}

export interface Question {
  id: string;
  kind: QuestionKind;
  /** Shared by every report type: its words live under report.common.question.<id>. */
  common?: boolean;
  /** For choice and multichoice. */
  options?: string[];
  /** Options that come from the partnership's configuration (e.g. its housing providers). */
  optionsFrom?: 'housingProviders';
  /** Proper names of configured options (partners' names are not translated). */
  optionNames?: Record<string, string>;
  optional?: boolean;
  showWhen?: Condition;
  maxLength?: number;
  /** Autocomplete token for the form field (WCAG 1.3.5). */
  autocomplete?: string;
}

/** A rule across questions, e.g. "give a postcode or describe the place". */
export interface AtLeastOneRule {
  atLeastOne: string[];
  /** Error code reported on the first question of the list. */
  code: string;
}

/** A question that becomes required by another answer, e.g. an email address to send a confirmation to. */
export interface RequiredIfRule {
  require: string;
  when: Condition;
  code: string;
}

export type Rule = AtLeastOneRule | RequiredIfRule;

export interface Section {
  id: string;
  questions: Question[];
}

export interface Example {
  name: string;
  answers: Record<string, unknown>;
  /** For invalid examples: the path and error code the first error must have. */
  error?: { path: string; code: string };
}

export interface Definition {
  /** URL-safe id: /report/<id>, POST /api/reports/<id>. */
  id: string;
  /** Short prefix of the reference, readable aloud. */
  referencePrefix: string;
  sections: Section[];
  rules: Rule[];
  /** Journeys a person at risk may be watched making: they carry "Exit this page". */
  sensitive: boolean;
  /** Question whose answer names the report in an email subject. */
  subjectQuestion: string;
  /** Question whose answer gives the area (postcode district) in an email subject. */
  areaQuestion?: string;
  /** Questions printed first in a partner email, before all others (how to contact safely). */
  printFirst: string[];
  examples: { valid: Example[]; invalid: Example[] };
}

export type Answers = Record<string, string | string[]>;

/** Every question in the definition's order. */
export function questionsOf(definition: Definition): Question[] {
  return definition.sections.flatMap((section) => section.questions);
}

/** The i18n key stem of a question: `report.<type>.question.<id>`, or `report.common.question.<id>`. */
export function questionKey(definition: Definition, questionId: string): string {
  const common = questionsOf(definition).find((q) => q.id === questionId)?.common;
  return `report.${common ? 'common' : definition.id}.question.${questionId}`;
}

/** The question every journey asks first: "Are you or someone else in danger right now?" */
export const DANGER_QUESTION = 'danger';

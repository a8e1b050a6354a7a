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

/**
 * What a question means to the core, beyond its words: intake, repeat matching and the
 * confirmation email read answers by role, never by a question's id.
 */
export type Role =
  | 'reporterEmail' // the reporter's own email address (repeat matching, the confirmation)
  | 'reporterPhone' // the reporter's own phone number (repeat matching)
  | 'contactChoice' // "anonymous" means: no contact, and no matching on the reporter
  | 'confirmationWanted' // "yes": email the reporter their reference
  | 'incidentDate' // when it happened (the ASB Case Review counts reports made within a month)
  | 'postcode' // where: repeat places, and the area in an email's subject
  | 'street'; // where: repeat places by street

/** The kinds of question each role may be given to. */
export const ROLE_KINDS: Record<Role, QuestionKind[]> = {
  reporterEmail: ['email'],
  reporterPhone: ['phone'],
  contactChoice: ['choice'],
  confirmationWanted: ['choice'],
  incidentDate: ['date'],
  postcode: ['postcode'],
  street: ['text'],
};

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
  /** What the answer means to the core, if anything. */
  role?: Role;
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
  /** Questions printed first in a partner email, before all others (how to contact safely). */
  printFirst: string[];
  examples: { valid: Example[]; invalid: Example[] };
  /** Working days for a partner to acknowledge a report (the partnership's promise), once resolved against its file. */
  acknowledgeDays?: number;
}

export type Answers = Record<string, string | string[]>;

/** Every question in the definition's order. */
export function questionsOf(definition: Definition): readonly Question[] {
  let questions = allQuestions.get(definition);
  if (!questions) allQuestions.set(definition, (questions = Object.freeze(definition.sections.flatMap((section) => section.questions))));
  return questions;
}
// A definition is read once and never changes; its questions are asked for many times a report.
const allQuestions = new WeakMap<Definition, readonly Question[]>();

/** The i18n key stem of a question: `report.<type>.question.<id>`, or `report.common.question.<id>`. */
export function questionKey(definition: Definition, questionId: string): string {
  const common = questionsOf(definition).find((q) => q.id === questionId)?.common;
  return `report.${common ? 'common' : definition.id}.question.${questionId}`;
}

/** The answer a definition's question with this role was given, if it is a single value. */
export function answerByRole(definition: Definition, answers: Answers, role: Role): string | undefined {
  const question = questionsOf(definition).find((q) => q.role === role);
  const value = question && answers[question.id];
  return typeof value === 'string' ? value : undefined;
}

/** The question every journey asks first: "Are you or someone else in danger right now?" */
export const DANGER_QUESTION = 'danger';

import { questionsOf, type Definition, type Question } from '../definitions/types';

/** The GeoReport v2 request fields that carry an answer, grouped as one answer each. */
export type StandardAnswer = 'description' | 'email' | 'phone' | 'name' | 'address';

/** How each answer is sent, for messages that name what to send. */
export const STANDARD_FIELDS: Record<StandardAnswer, string> = {
  description: 'description',
  email: 'email',
  phone: 'phone',
  name: 'first_name and last_name',
  address: 'address_string or lat and long',
};

/**
 * The question each standard field answers in this report type, where it has one. A question a
 * standard field answers is not offered as an attribute too: a client such as FixMyStreet
 * already asks for it, and would otherwise ask twice.
 */
export function standardQuestions(definition: Definition): Partial<Record<StandardAnswer, Question>> {
  const questions = questionsOf(definition);
  const byId = (id: string) => questions.find((q) => q.id === id);
  const found: Partial<Record<StandardAnswer, Question | undefined>> = {
    description: byId('description'),
    email: questions.find((q) => q.role === 'reporterEmail'),
    phone: questions.find((q) => q.role === 'reporterPhone'),
    // The reporter's own name is the question filled in as a person's full name (WCAG 1.3.5).
    name: questions.find((q) => q.autocomplete === 'name'),
    // A place in words holds an address and a position written out; a street alone, a short one.
    address: byId('location') ?? byId('street'),
  };
  return Object.fromEntries(Object.entries(found).filter(([, q]) => q !== undefined)) as Partial<Record<StandardAnswer, Question>>;
}

/** How a question's answer is sent: its standard field, or attribute[id]. */
export function fieldOf(definition: Definition, questionId: string): string {
  const standard = Object.entries(standardQuestions(definition)).find(([, q]) => q.id === questionId);
  return standard ? STANDARD_FIELDS[standard[0] as StandardAnswer] : `attribute[${questionId}]`;
}

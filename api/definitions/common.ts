import type { Condition, Question, Rule, Section } from './types';

/**
 * Asked before any personal question in every journey. "Yes" leads to 999 and the Silent
 * Solution, and nothing is stored (validateAnswers refuses the answers).
 */
export const urgencyGate: Section = {
  id: 'danger',
  questions: [{ id: 'danger', kind: 'choice', options: ['yes', 'no'], common: true }],
};

/**
 * Contact details and how to contact safely: a partner must never call an unsafe number, leave a
 * dangerous voicemail, or say who is calling where someone else may hear.
 */
export function contactSection(options: { anonymousAllowed: boolean }): { section: Section; rules: Rule[]; printFirst: string[] } {
  const when: Condition | undefined = options.anonymousAllowed ? { question: 'contactChoice', in: ['contact'] } : undefined;
  const shown = (q: Question): Question => ({ ...q, common: true, ...(when && { showWhen: when }) });
  const questions: Question[] = [
    ...(options.anonymousAllowed
      ? [{ id: 'contactChoice', kind: 'choice', options: ['contact', 'anonymous'], common: true, role: 'contactChoice' } as Question]
      : []),
    shown({ id: 'name', kind: 'text', maxLength: 120, autocomplete: 'name' }),
    shown({ id: 'email', kind: 'email', optional: true, autocomplete: 'email', role: 'reporterEmail' }),
    shown({ id: 'phone', kind: 'phone', optional: true, autocomplete: 'tel', role: 'reporterPhone' }),
    shown({ id: 'safeContact', kind: 'multichoice', options: ['call', 'voicemail', 'text', 'email'], optional: true }),
    shown({ id: 'safeTimes', kind: 'text', optional: true, maxLength: 200 }),
    shown({ id: 'contactNotes', kind: 'textarea', optional: true, maxLength: 1000 }),
    // A confirmation by email only when asked for and safe; its subject says nothing about crime.
    shown({ id: 'confirmByEmail', kind: 'choice', options: ['yes', 'no'], optional: true, role: 'confirmationWanted' }),
  ];
  return {
    section: { id: 'contact', questions },
    // Printed first in every partner email: how to reach the reporter safely.
    printFirst: SAFE_CONTACT_FIRST.filter((id) => questions.some((q) => q.id === id)),
    rules: [
      // Where staying anonymous is not an option, the message must not offer it.
      { atLeastOne: ['email', 'phone'], code: options.anonymousAllowed ? 'contactMissing' : 'contactMissingNamed' },
      { require: 'email', when: { question: 'confirmByEmail', in: ['yes'] }, code: 'emailForConfirmation' },
    ],
  };
}

const SAFE_CONTACT_FIRST = ['contactChoice', 'safeContact', 'safeTimes', 'contactNotes'];

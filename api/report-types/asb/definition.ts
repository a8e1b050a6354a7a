import { contactSection, urgencyGate } from '../../definitions/common';
import type { Definition } from '../../definitions/types';

const contact = contactSection({ anonymousAllowed: true });

export const asb: Definition = {
  id: 'asb',
  referencePrefix: 'ASB',
  subjectQuestion: 'kind',
  sensitive: false,
  printFirst: contact.printFirst,
  sections: [
    urgencyGate,
    {
      id: 'what',
      questions: [
        {
          id: 'kind',
          kind: 'choice',
          options: [
            'noise',
            'harassment',
            'drugs',
            'vehicles',
            'youth',
            'street-drinking',
            'fly-tipping',
            'graffiti',
            'neighbour',
            'other',
          ],
        },
      ],
    },
    {
      id: 'where',
      questions: [
        { id: 'postcode', kind: 'postcode', optional: true, autocomplete: 'postal-code', role: 'postcode' },
        { id: 'street', kind: 'text', optional: true, maxLength: 100, autocomplete: 'address-line1', role: 'street' },
        { id: 'location', kind: 'textarea', optional: true, maxLength: 500 },
        {
          id: 'landlord',
          kind: 'choice',
          optionsFrom: 'housingProviders',
          options: ['other-housing-association', 'private', 'owner', 'not-sure'],
          optional: true,
        },
      ],
    },
    {
      id: 'when',
      questions: [
        { id: 'date', kind: 'date', role: 'incidentDate' },
        { id: 'time', kind: 'time', optional: true },
        { id: 'ongoing', kind: 'choice', options: ['yes', 'no'] },
      ],
    },
    {
      id: 'details',
      questions: [
        { id: 'description', kind: 'textarea', maxLength: 5000 },
        { id: 'people', kind: 'textarea', optional: true, maxLength: 2000 },
      ],
    },
    {
      id: 'impact',
      questions: [
        {
          id: 'impact',
          kind: 'multichoice',
          options: ['unsafe-at-home', 'health', 'targeted'],
          optional: true,
        },
        // Being targeted for who you are may be a hate crime: point to that report.
        { id: 'hateCrimeNotice', kind: 'notice', showWhen: { question: 'impact', in: ['targeted'] } },
        { id: 'reportedBefore', kind: 'choice', options: ['yes', 'no', 'not-sure'] },
        {
          id: 'previousReferences',
          kind: 'text',
          optional: true,
          maxLength: 300,
          showWhen: { question: 'reportedBefore', in: ['yes'] },
        },
      ],
    },
    contact.section,
  ],
  rules: [{ atLeastOne: ['postcode', 'street', 'location'], code: 'whereMissing' }, ...contact.rules],
  examples: {
    valid: [
      {
        name: 'noise, anonymous, postcode only',
        answers: {
          danger: 'no',
          kind: 'noise',
          postcode: 'pe1 1hq',
          date: '2026-11-20',
          ongoing: 'yes',
          description: 'Loud music every night after midnight from the flat above.',
          reportedBefore: 'no',
          contactChoice: 'anonymous',
        },
      },
      {
        // Not one of the partnership's own housing providers: examples hold under any partnership.
        name: 'drug dealing on a housing association estate, with safe contact',
        answers: {
          danger: 'no',
          kind: 'drugs',
          location: 'The alley behind the shops on Lincoln Road',
          landlord: 'other-housing-association',
          date: '2026-11-18',
          time: '21:30',
          ongoing: 'no',
          description: 'Two people selling from a car most evenings.',
          impact: ['unsafe-at-home', 'targeted'],
          reportedBefore: 'yes',
          previousReferences: 'CC-12345-26',
          contactChoice: 'contact',
          name: 'Alex Example',
          phone: '07700 900123',
          safeContact: ['text'],
          safeTimes: 'Weekdays 9am to 3pm',
          contactNotes: 'Do not leave a voicemail.',
        },
      },
    ],
    invalid: [
      {
        name: 'in danger now: nothing is stored, the reporter is told to call 999',
        answers: { danger: 'yes', kind: 'noise' },
        error: { path: 'danger', code: 'inDanger' },
      },
      {
        name: 'no kind chosen',
        answers: {
          danger: 'no',
          postcode: 'PE1 1HQ',
          date: '2026-11-20',
          ongoing: 'no',
          description: 'x',
          reportedBefore: 'no',
          contactChoice: 'anonymous',
        },
        error: { path: 'kind', code: 'required' },
      },
      {
        name: 'neither postcode nor place',
        answers: {
          danger: 'no',
          kind: 'noise',
          date: '2026-11-20',
          ongoing: 'no',
          description: 'x',
          reportedBefore: 'no',
          contactChoice: 'anonymous',
        },
        error: { path: 'postcode', code: 'whereMissing' },
      },
      {
        name: 'postcode not a UK postcode',
        answers: {
          danger: 'no',
          kind: 'noise',
          postcode: 'PE1 ZZZZ',
          date: '2026-11-20',
          ongoing: 'no',
          description: 'x',
          reportedBefore: 'no',
          contactChoice: 'anonymous',
        },
        error: { path: 'postcode', code: 'invalid' },
      },
      {
        name: 'contact chosen but no email or phone',
        answers: {
          danger: 'no',
          kind: 'noise',
          postcode: 'PE1 1HQ',
          date: '2026-11-20',
          ongoing: 'no',
          description: 'x',
          reportedBefore: 'no',
          contactChoice: 'contact',
          name: 'Sam',
        },
        error: { path: 'email', code: 'contactMissing' },
      },
      {
        name: 'date in the future',
        answers: {
          danger: 'no',
          kind: 'noise',
          postcode: 'PE1 1HQ',
          date: '2099-01-01',
          ongoing: 'no',
          description: 'x',
          reportedBefore: 'no',
          contactChoice: 'anonymous',
        },
        error: { path: 'date', code: 'future' },
      },
    ],
  },
};

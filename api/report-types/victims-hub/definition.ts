import { contactSection, urgencyGate } from '../../definitions/common';
import type { Definition } from '../../definitions/types';

const contact = contactSection({ anonymousAllowed: false });
const base = {
  danger: 'no',
  fullName: 'Sam Example',
  ageGroup: '25-64',
  name: 'Sam',
  phone: '07700 900456',
  safeContact: ['call', 'text'],
  crimeType: 'burglary',
  reportedToPolice: 'yes',
  crimeReference: 'CC-12345-26',
  supportWanted: ['emotional', 'practical'],
  interpreter: 'no',
  consentShare: 'yes',
};

export const victimsHub: Definition = {
  id: 'victims-hub',
  referencePrefix: 'REF',
  subjectQuestion: 'crimeType',
  sensitive: true,
  printFirst: ['name', ...contact.printFirst, 'ageGroup', 'adultInvolvement', 'adultDetails'],
  sections: [
    urgencyGate,
    {
      id: 'you',
      questions: [
        { id: 'fullName', kind: 'text', maxLength: 120, autocomplete: 'name' },
        { id: 'ageGroup', kind: 'choice', options: ['under-18', '18-24', '25-64', '65-plus'] },
        // Children can refer themselves; the Hub needs to know which adult, if any, is involved.
        {
          id: 'adultInvolvement',
          kind: 'choice',
          options: ['parent-or-carer', 'trusted-adult', 'no-adult'],
          showWhen: { question: 'ageGroup', in: ['under-18'] },
        },
        {
          id: 'adultDetails',
          kind: 'textarea',
          optional: true,
          maxLength: 500,
          showWhen: { question: 'adultInvolvement', in: ['parent-or-carer', 'trusted-adult'] },
        },
      ],
    },
    // "name" here is the name to use when contacting the person.
    contact.section,
    {
      id: 'what',
      questions: [
        {
          id: 'crimeType',
          kind: 'choice',
          options: [
            'assault',
            'burglary',
            'theft',
            'fraud',
            'hate-crime',
            'domestic-abuse',
            'sexual-violence',
            'stalking-harassment',
            'criminal-damage',
            'asb',
            'other',
          ],
        },
        { id: 'crimeDescription', kind: 'textarea', optional: true, maxLength: 3000 },
        { id: 'reportedToPolice', kind: 'choice', options: ['yes', 'no', 'not-sure'] },
        { id: 'crimeReference', kind: 'text', optional: true, maxLength: 60, showWhen: { question: 'reportedToPolice', in: ['yes'] } },
      ],
    },
    {
      id: 'support',
      questions: [
        {
          id: 'supportWanted',
          kind: 'multichoice',
          options: ['emotional', 'practical', 'safety', 'justice-information', 'restorative-justice', 'help-to-report'],
        },
        { id: 'language', kind: 'text', optional: true, maxLength: 100 },
        { id: 'interpreter', kind: 'choice', options: ['yes', 'no'] },
        { id: 'accessNeeds', kind: 'textarea', optional: true, maxLength: 1000 },
      ],
    },
    {
      id: 'consent',
      questions: [
        { id: 'consentShare', kind: 'consent' },
        // Domestic abuse and sexual violence go to a specialist service only with explicit consent.
        {
          id: 'consentSpecialist',
          kind: 'choice',
          options: ['yes', 'no'],
          showWhen: { question: 'crimeType', in: ['domestic-abuse', 'sexual-violence'] },
        },
        {
          id: 'consentRestorative',
          kind: 'choice',
          options: ['yes', 'no'],
          showWhen: { question: 'supportWanted', in: ['restorative-justice'] },
        },
      ],
    },
  ],
  rules: contact.rules,
  examples: {
    valid: [
      { name: 'burglary victim who wants emotional and practical support', answers: base },
      {
        name: 'domestic abuse, consenting to the specialist outreach service, text only',
        answers: {
          ...base,
          crimeType: 'domestic-abuse',
          reportedToPolice: 'no',
          crimeReference: undefined,
          safeContact: ['text'],
          contactNotes: 'Do not call. My partner checks my phone calls.',
          supportWanted: ['safety', 'emotional'],
          consentSpecialist: 'yes',
        },
      },
      {
        name: 'a 16-year-old with a trusted adult, asking for restorative justice',
        answers: {
          ...base,
          ageGroup: 'under-18',
          adultInvolvement: 'trusted-adult',
          adultDetails: 'My teacher is helping me.',
          supportWanted: ['restorative-justice'],
          consentRestorative: 'yes',
        },
      },
    ],
    invalid: [
      { name: 'in danger now', answers: { ...base, danger: 'yes' }, error: { path: 'danger', code: 'inDanger' } },
      { name: 'no agreement to share', answers: { ...base, consentShare: undefined }, error: { path: 'consentShare', code: 'required' } },
      {
        name: 'sexual violence without a decision on the specialist service',
        answers: { ...base, crimeType: 'sexual-violence' },
        error: { path: 'consentSpecialist', code: 'required' },
      },
      { name: 'no way to contact', answers: { ...base, phone: undefined }, error: { path: 'email', code: 'contactMissingNamed' } },
      {
        name: 'under 18 without saying which adult is involved',
        answers: { ...base, ageGroup: 'under-18' },
        error: { path: 'adultInvolvement', code: 'required' },
      },
    ],
  },
};

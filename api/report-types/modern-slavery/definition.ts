import { contactSection, urgencyGate } from '../../definitions/common';
import type { Definition } from '../../definitions/types';

// A concern about modern slavery or exploitation (the partnership's Operation Pheasant priority):
// what was seen, where, when and who may be at risk. Anyone may report it, anonymously: people
// who see the signs are often neighbours or customers, and can be at risk themselves.
const contact = contactSection({ anonymousAllowed: true });
const base = {
  danger: 'no',
  signs: ['controlled', 'lives-at-work'],
  workType: 'car-wash',
  description: 'The same four men work at the car wash from 7am to 10pm every day and sleep in the back.',
  location: 'The hand car wash behind the petrol station',
  date: '2026-11-20',
  ongoing: 'yes',
  peopleCount: 'two-to-five',
  ages: ['adults'],
  contactChoice: 'anonymous',
};

export const modernSlavery: Definition = {
  id: 'modern-slavery',
  // Neutral: a reference seen by someone else says nothing about what was reported.
  referencePrefix: 'REF',
  subjectQuestion: 'workType',
  sensitive: true,
  printFirst: contact.printFirst,
  sections: [
    urgencyGate,
    {
      id: 'seen',
      questions: [
        {
          id: 'signs',
          kind: 'multichoice',
          options: ['documents-taken', 'little-or-no-pay', 'controlled', 'lives-at-work', 'transported', 'injuries', 'children', 'sexual', 'crime', 'other'],
        },
        {
          id: 'workType',
          kind: 'choice',
          options: ['car-wash', 'nail-bar', 'factory', 'farm', 'building-site', 'takeaway', 'private-home', 'drugs', 'sex-work', 'other', 'not-sure'],
        },
        { id: 'description', kind: 'textarea', maxLength: 5000 },
      ],
    },
    {
      id: 'where',
      questions: [
        { id: 'postcode', kind: 'postcode', optional: true, autocomplete: 'postal-code', role: 'postcode' },
        { id: 'street', kind: 'text', optional: true, maxLength: 100, autocomplete: 'address-line1', role: 'street' },
        { id: 'location', kind: 'textarea', optional: true, maxLength: 500 },
        { id: 'vehicles', kind: 'textarea', optional: true, maxLength: 500 },
      ],
    },
    {
      id: 'when',
      questions: [
        { id: 'date', kind: 'date', role: 'incidentDate' },
        { id: 'ongoing', kind: 'choice', options: ['yes', 'no', 'not-sure'] },
      ],
    },
    {
      id: 'who',
      questions: [
        { id: 'peopleCount', kind: 'choice', options: ['one', 'two-to-five', 'more-than-five', 'not-sure'] },
        { id: 'ages', kind: 'multichoice', options: ['children', 'adults', 'not-sure'] },
        { id: 'peopleDescription', kind: 'textarea', optional: true, maxLength: 2000 },
        { id: 'controllers', kind: 'textarea', optional: true, maxLength: 2000 },
      ],
    },
    contact.section,
  ],
  rules: [{ atLeastOne: ['postcode', 'street', 'location'], code: 'whereMissing' }, ...contact.rules],
  examples: {
    valid: [
      { name: 'an anonymous customer worried about the workers at a car wash', answers: base },
      {
        name: 'a neighbour who saw children dropped off at night, and can be contacted by email',
        answers: {
          ...base,
          signs: ['children', 'transported'],
          workType: 'drugs',
          description: 'Teenagers I do not know are dropped at the flat opposite late at night and leave with bags.',
          location: undefined,
          postcode: 'PE1 2AB',
          street: 'Lincoln Road',
          vehicles: 'A grey van, part of the number was AB12',
          ages: ['children'],
          peopleCount: 'more-than-five',
          contactChoice: 'contact',
          name: 'Sam Example',
          email: 'sam@example.org',
          safeContact: ['email'],
        },
      },
    ],
    invalid: [
      { name: 'in danger now', answers: { ...base, danger: 'yes' }, error: { path: 'danger', code: 'inDanger' } },
      { name: 'no place given', answers: { ...base, location: undefined }, error: { path: 'postcode', code: 'whereMissing' } },
      { name: 'no sign chosen', answers: { ...base, signs: [] }, error: { path: 'signs', code: 'required' } },
    ],
  },
};

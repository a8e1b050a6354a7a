import { contactSection, urgencyGate } from '../../definitions/common';
import type { Definition } from '../../definitions/types';

const contact = contactSection({ anonymousAllowed: true });
const onBehalf = { question: 'reporterRole', in: ['on-behalf'] };
const forOrganisation = { question: 'reporterRole', in: ['organisation'] };
const base = {
  danger: 'no',
  reporterRole: 'victim',
  motivation: ['race'],
  incidentType: ['verbal-abuse'],
  placeType: 'place',
  postcode: 'PE1 2AB',
  date: '2026-11-21',
  description: 'A man shouted racist abuse at me at the bus stop.',
  injuries: 'no',
  contactChoice: 'anonymous',
};

export const hateCrime: Definition = {
  id: 'hate-crime',
  // A neutral prefix: a reference seen by someone else says nothing about what was reported.
  referencePrefix: 'REF',
  subjectQuestion: 'motivation',
  sensitive: true,
  printFirst: contact.printFirst,
  sections: [
    urgencyGate,
    {
      id: 'who',
      questions: [
        { id: 'reporterRole', kind: 'choice', options: ['victim', 'witness', 'on-behalf', 'organisation'] },
        // Reporting for someone else: who it happened to, how to reach them safely, and whether
        // they know and agree, as True Vision's third-party reporting asks.
        { id: 'victimName', kind: 'text', optional: true, maxLength: 120, showWhen: onBehalf },
        { id: 'victimContact', kind: 'textarea', optional: true, maxLength: 500, showWhen: onBehalf },
        { id: 'victimAware', kind: 'choice', options: ['agrees', 'knows-not-agreed', 'does-not-know', 'not-sure'], showWhen: onBehalf },
        { id: 'organisationName', kind: 'text', maxLength: 200, showWhen: forOrganisation },
        { id: 'organisationRole', kind: 'text', optional: true, maxLength: 120, showWhen: forOrganisation },
        { id: 'organisationAddress', kind: 'textarea', optional: true, maxLength: 300, showWhen: forOrganisation },
      ],
    },
    {
      id: 'what',
      questions: [
        // As perceived by the victim or anyone else: that perception is what makes it a hate crime.
        {
          id: 'motivation',
          kind: 'multichoice',
          options: ['disability', 'race', 'religion', 'sexual-orientation', 'transgender', 'other'],
        },
        { id: 'motivationOther', kind: 'text', optional: true, maxLength: 200, showWhen: { question: 'motivation', in: ['other'] } },
        {
          id: 'incidentType',
          kind: 'multichoice',
          options: ['verbal-abuse', 'threats', 'physical-assault', 'damage', 'graffiti', 'online', 'other'],
        },
      ],
    },
    {
      id: 'where',
      questions: [
        { id: 'placeType', kind: 'choice', options: ['place', 'online'] },
        { id: 'postcode', kind: 'postcode', optional: true, autocomplete: 'postal-code', role: 'postcode', showWhen: { question: 'placeType', in: ['place'] } },
        { id: 'street', kind: 'text', optional: true, maxLength: 100, autocomplete: 'address-line1', role: 'street', showWhen: { question: 'placeType', in: ['place'] } },
        { id: 'location', kind: 'textarea', optional: true, maxLength: 500, showWhen: { question: 'placeType', in: ['place'] } },
        { id: 'platform', kind: 'text', maxLength: 200, showWhen: { question: 'placeType', in: ['online'] } },
        { id: 'date', kind: 'date', role: 'incidentDate' },
        { id: 'time', kind: 'time', optional: true },
      ],
    },
    {
      id: 'details',
      questions: [
        { id: 'description', kind: 'textarea', maxLength: 5000 },
        { id: 'offenders', kind: 'textarea', optional: true, maxLength: 2000 },
        { id: 'witnesses', kind: 'textarea', optional: true, maxLength: 2000 },
        { id: 'injuries', kind: 'choice', options: ['yes', 'no', 'not-sure'] },
        { id: 'injuryDetails', kind: 'textarea', optional: true, maxLength: 1000, showWhen: { question: 'injuries', in: ['yes'] } },
        {
          id: 'evidence',
          kind: 'multichoice',
          options: ['photos', 'video', 'messages', 'documents', 'other'],
          optional: true,
        },
      ],
    },
    contact.section,
    {
      id: 'support',
      questions: [
        // Support needs someone to contact: asked only when contact details are given.
        { id: 'wantsSupport', kind: 'choice', options: ['yes', 'no'], showWhen: { question: 'contactChoice', in: ['contact'] } },
        { id: 'consentVictimsHub', kind: 'consent', showWhen: { question: 'wantsSupport', in: ['yes'] } },
      ],
    },
  ],
  rules: [{ atLeastOne: ['postcode', 'street', 'location'], code: 'whereMissing' }, ...contact.rules],
  examples: {
    valid: [
      { name: 'anonymous witness of racist abuse at a bus stop', answers: { ...base, reporterRole: 'witness' } },
      {
        name: 'victim of online abuse who wants support from the Victims’ Hub',
        answers: {
          ...base,
          motivation: ['sexual-orientation', 'transgender'],
          incidentType: ['online', 'threats'],
          placeType: 'online',
          postcode: undefined,
          platform: 'A social media site',
          contactChoice: 'contact',
          name: 'Jo Example',
          email: 'jo@example.org',
          safeContact: ['email'],
          confirmByEmail: 'yes',
          wantsSupport: 'yes',
          consentVictimsHub: 'yes',
        },
      },
      {
        name: 'a neighbour reporting for an older man who agrees, with how to reach him safely',
        answers: {
          ...base,
          reporterRole: 'on-behalf',
          victimName: 'Mr Example',
          victimContact: 'Through me first: his family must not hear of it.',
          victimAware: 'agrees',
          contactChoice: 'contact',
          name: 'Pat Example',
          phone: '07700 900321',
          wantsSupport: 'no',
        },
      },
      {
        name: 'a mosque reporting graffiti on its wall',
        answers: {
          ...base,
          reporterRole: 'organisation',
          organisationName: 'Example Mosque',
          organisationRole: 'Secretary',
          motivation: ['religion'],
          incidentType: ['graffiti'],
          description: 'Offensive words painted on our wall overnight.',
          contactChoice: 'contact',
          name: 'Sam Example',
          email: 'secretary@example.org',
          wantsSupport: 'no',
        },
      },
    ],
    invalid: [
      { name: 'in danger now', answers: { ...base, danger: 'yes' }, error: { path: 'danger', code: 'inDanger' } },
      { name: 'no motivation chosen', answers: { ...base, motivation: [] }, error: { path: 'motivation', code: 'required' } },
      {
        name: 'for someone else, without saying whether they know',
        answers: { ...base, reporterRole: 'on-behalf' },
        error: { path: 'victimAware', code: 'required' },
      },
      {
        name: 'online, but no platform named',
        answers: { ...base, placeType: 'online', postcode: undefined },
        error: { path: 'platform', code: 'required' },
      },
      {
        name: 'wants support but has not agreed to the referral',
        answers: { ...base, contactChoice: 'contact', name: 'Jo', phone: '07700 900123', wantsSupport: 'yes' },
        error: { path: 'consentVictimsHub', code: 'required' },
      },
      {
        name: 'asks for an email confirmation without an email address',
        answers: { ...base, contactChoice: 'contact', name: 'Jo', phone: '07700 900123', confirmByEmail: 'yes', wantsSupport: 'no' },
        error: { path: 'email', code: 'emailForConfirmation' },
      },
    ],
  },
};

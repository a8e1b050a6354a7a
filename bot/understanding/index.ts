import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalisePostcode } from '../../api/definitions/schema';
import { answerByRole, questionsOf, type Answers, type Definition, type Question } from '../../api/definitions/types';
import { fold, words } from '../../api/search/text';
import { dateIn, daysEarlier } from '../../api/time';
import { locales, type Locale } from '../../i18n';
import { intentClassifier, type IntentExamples, type Understood } from './intents';

/** One language's data (bot/understanding/<lang>.json): intents, ways to say yes and no, options' other names, days. */
export interface UnderstandingData extends IntentExamples {
  answers: Record<'yes' | 'no' | 'not-sure', string[]>;
  /** "<type>.<question>.<option>" (or "common.<question>.<option>"): what people call an option. */
  options: Record<string, string[]>;
  when: Record<string, string[]>;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const POSTCODE = /\b([A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNPR-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})\b/i;
const CLOCK = /\b(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)\b|\b([01]?\d|2[0-3])[:.]([0-5]\d)\b/i;

export interface Understanding {
  intent(text: string): Understood;
  /** The option a typed answer means ("yeah" → yes, "loud music" → noise), if one clearly. */
  option(definition: Definition, question: Question, typed: string): string | undefined;
  /** What a first description makes clear, to show back for confirmation: never assumed. */
  suggest(definition: Definition, text: string, now: Date, label: (question: Question, option: string) => string): Answers;
  /** The day a phrase means ("yesterday", "last night", "on Monday"), as YYYY-MM-DD, if it names one. */
  day(text: string, now: Date): string | undefined;
}

/** A phrase is in the text when its words come one after another (folded, so accents may be dropped). */
function contains(text: string, phrase: string): boolean {
  const said = ` ${words(fold(text)).join(' ')} `;
  const wanted = words(fold(phrase)).join(' ');
  return wanted.length > 0 && said.includes(` ${wanted} `);
}

function forLanguage(locale: Locale, data: UnderstandingData): Understanding {
  const intent = intentClassifier(locale, data);
  const namesOf = (definition: Definition, question: Question, option: string) => [
    ...(data.options[`${definition.id}.${question.id}.${option}`] ?? []),
    ...(question.common ? (data.options[`common.${question.id}.${option}`] ?? []) : []),
    ...((data.answers as Record<string, string[]>)[option] ?? []),
  ];
  const meant = (definition: Definition, question: Question, text: string, whole: boolean, label?: (q: Question, o: string) => string) =>
    (question.options ?? []).filter((o) =>
      [...namesOf(definition, question, o), ...(label ? [label(question, o)] : [])].some((name) =>
        whole ? fold(text.trim()) === fold(name) : contains(text, name),
      ),
    );
  const dayMeant = (text: string, now: Date): string | undefined => {
    const today = dateIn(now);
    const said = (key: string) => (data.when[key] ?? []).some((phrase) => contains(text, phrase));
    if (said('dayBeforeYesterday')) return daysEarlier(today, 2);
    if (said('yesterday') || said('lastNight')) return daysEarlier(today, 1);
    if (said('today') || said('thisMorning') || said('tonight')) return today;
    // "On Monday", "since Monday": the latest such day before today.
    const weekday = WEEKDAYS.findIndex((day) => said(day));
    if (weekday < 0) return undefined;
    const todayIndex = new Date(`${today}T12:00:00Z`).getUTCDay();
    return daysEarlier(today, ((todayIndex - weekday + 6) % 7) + 1);
  };
  return {
    intent,
    day: dayMeant,
    option(definition, question, typed) {
      const exact = meant(definition, question, typed, true);
      if (exact.length === 1) return exact[0];
      const within = meant(definition, question, typed, false);
      return within.length === 1 ? within[0] : undefined;
    },
    suggest(definition, text, now, label) {
      const suggested: Answers = {};
      const postcode = POSTCODE.exec(text)?.[1];
      const byRole = (role: Parameters<typeof answerByRole>[2]) => questionsOf(definition).find((q) => q.role === role);
      if (postcode && byRole('postcode')) suggested[byRole('postcode')!.id] = normalisePostcode(postcode);
      const day = dayMeant(text, now);
      if (day && byRole('incidentDate')) suggested[byRole('incidentDate')!.id] = day;
      const clock = CLOCK.exec(text);
      const time = questionsOf(definition).find((q) => q.kind === 'time');
      if (clock && time) {
        const hours = clock[1] ? (Number(clock[1]) % 12) + (clock[3].toLowerCase() === 'pm' ? 12 : 0) : Number(clock[4]);
        suggested[time.id] = `${String(hours).padStart(2, '0')}:${clock[2] ?? clock[5] ?? '00'}`;
      }
      // What it is: the question that names the report (its email subject), when the words name its options.
      const what = questionsOf(definition).find((q) => q.id === definition.subjectQuestion);
      if (what) {
        const named = meant(definition, what, text, false, label);
        if (what.kind === 'multichoice' && named.length > 0) suggested[what.id] = named;
        // Several named ("noise from my neighbour"): the definition lists the specific before the general.
        if (what.kind === 'choice' && named.length > 0) suggested[what.id] = named[0];
      }
      return suggested;
    },
  };
}

const nobody: Understanding = { intent: () => ({ intent: undefined, confidence: 0 }), option: () => undefined, suggest: () => ({}), day: () => undefined };

/** Each language's understanding, from its data file (a language without one understands nothing extra). */
export function loadUnderstanding(dir = join(import.meta.dirname)): Record<Locale, Understanding> {
  return Object.fromEntries(
    locales.map((locale) => {
      const file = join(dir, `${locale}.json`);
      return [locale, existsSync(file) ? forLanguage(locale, JSON.parse(readFileSync(file, 'utf8')) as UnderstandingData) : nobody];
    }),
  ) as Record<Locale, Understanding>;
}

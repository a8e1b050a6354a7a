import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalisePostcode } from '../../api/definitions/schema';
import { answerByRole, questionsOf, type Answers, type Definition, type Question } from '../../api/definitions/types';
import { termFor } from '../../api/search/languages';
import { fold, words } from '../../api/search/text';
import { dateIn, daysEarlier } from '../../api/time';
import { locales, type Locale } from '../../i18n';
import { timeIn, type ClockWords } from './clock';
import { intentClassifier, type IntentExamples, type Understood } from './intents';

/** One language's data (bot/understanding/<lang>.json): intents, ways to say yes and no, options' other names, days. */
export interface UnderstandingData extends IntentExamples {
  answers: Record<'yes' | 'no' | 'not-sure', string[]>;
  /** "<type>.<question>.<option>" (or "common.<question>.<option>"): what people call an option. */
  options: Record<string, string[]>;
  when: Record<string, string[]>;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
// A day named is surer than a part of one, so weekdays come before "last night" on a tie.
const DAY_WORDS = ['dayBeforeYesterday', 'yesterday', 'today', ...WEEKDAYS, 'lastNight', 'thisMorning', 'tonight'];
const POSTCODE = /\b([A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNPR-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})\b/i;

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

/**
 * As `contains`, or with each word cut to its stem by the language's search stemmer, so an
 * option's name is found in another case or number: "o Polakach" for "Polak", "garsią muziką"
 * for "garsi muzika". A phrase of stop words only is matched as written.
 */
function containsForms(locale: Locale): (text: string, phrase: string) => boolean {
  const term = termFor(locale);
  const stems = (text: string) => words(text).map((w) => term(w)).filter((t): t is string => Boolean(t)).join(' ');
  const known = new Map<string, string>();
  return (text, phrase) => {
    if (contains(text, phrase)) return true;
    if (!known.has(phrase)) known.set(phrase, stems(phrase));
    const wanted = known.get(phrase)!;
    return wanted.length > 0 && ` ${stems(text)} `.includes(` ${wanted} `);
  };
}

function forLanguage(locale: Locale, data: UnderstandingData): Understanding {
  const intent = intentClassifier(locale, data);
  const inForms = containsForms(locale);
  const namesOf = (definition: Definition, question: Question, option: string) => [
    ...(data.options[`${definition.id}.${question.id}.${option}`] ?? []),
    ...(question.common ? (data.options[`common.${question.id}.${option}`] ?? []) : []),
    ...((data.answers as Record<string, string[]>)[option] ?? []),
  ];
  const meant = (definition: Definition, question: Question, text: string, whole: boolean, label?: (q: Question, o: string) => string) =>
    (question.options ?? []).filter((o) =>
      [...namesOf(definition, question, o), ...(label ? [label(question, o)] : [])].some((name) =>
        whole ? fold(text.trim()) === fold(name) : inForms(text, name),
      ),
    );
  // "Last night" and "tonight" put an hour at night as surely as "in the evening" does.
  const clockWords: ClockWords = {
    hour: data.when.hour,
    evening: [...(data.when.evening ?? []), ...(data.when.lastNight ?? []), ...(data.when.tonight ?? [])],
    morning: [...(data.when.morning ?? []), ...(data.when.thisMorning ?? [])],
  };
  const dayMeant = (text: string, now: Date): string | undefined => {
    // The longest phrase said wins: "azi-noapte" (last night) over the "azi" (today) in it, "since
    // Monday" over the "night" in "every night since Monday"; on a tie, the order of DAY_WORDS.
    const said = (key: string) => Math.max(0, ...(data.when[key] ?? []).filter((phrase) => contains(text, phrase)).map((phrase) => words(phrase).length));
    const [key, length] = DAY_WORDS.map((k) => [k, said(k)] as const).reduce((best, next) => (next[1] > best[1] ? next : best));
    if (length === 0) return undefined;
    const today = dateIn(now);
    if (key === 'dayBeforeYesterday') return daysEarlier(today, 2);
    if (key === 'yesterday' || key === 'lastNight') return daysEarlier(today, 1);
    if (key === 'today' || key === 'thisMorning' || key === 'tonight') return today;
    // "On Monday", "since Monday": the latest such day before today.
    const todayIndex = new Date(`${today}T12:00:00Z`).getUTCDay();
    return daysEarlier(today, ((todayIndex - WEEKDAYS.indexOf(key) + 6) % 7) + 1);
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
      const clock = timeIn(text, clockWords);
      const time = questionsOf(definition).find((q) => q.kind === 'time');
      if (clock && time) suggested[time.id] = clock;
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

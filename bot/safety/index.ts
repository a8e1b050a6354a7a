import type { Locale } from '../../i18n';
import en from './en.json';
import lt from './lt.json';
import pl from './pl.json';
import pt from './pt.json';
import ro from './ro.json';
import ur from './ur.json';
import enWords from '../understanding/en.json';
import ltWords from '../understanding/lt.json';
import plWords from '../understanding/pl.json';
import ptWords from '../understanding/pt.json';
import roWords from '../understanding/ro.json';
import urWords from '../understanding/ur.json';
import { learntConcerns, type LearntSafety } from './learnt';
import { recogniser, type Concern, type Recogniser, type SafetyData } from './recognise';

export type { Concern } from './recognise';

/** Each language's phrases, as data beside the bot (and run by the tests). */
export const safetyData: Record<Locale, SafetyData> = { en, pl, lt, ro, pt, ur } as Record<Locale, SafetyData>;

const recognisers = Object.fromEntries(Object.entries(safetyData).map(([locale, data]) => [locale, recogniser(data)])) as Record<
  Locale,
  Recogniser
>;

// First messages that are no concern of safety: greetings, thanks, questions, checking a report,
// reporting ASB or modern slavery. (Hate crime and victims' first words often are one.)
const CALM = ['greeting', 'thanks', 'advice', 'check-report', 'report:asb', 'report:modern-slavery'];
const firstWords: Record<Locale, { intents: Record<string, string[]> }> = { en: enWords, pl: plWords, lt: ltWords, ro: roWords, pt: ptWords, ur: urWords };
const nets = new Map<Locale, (text: string) => LearntSafety>();
const netFor = (locale: Locale) => {
  if (!nets.has(locale)) nets.set(locale, learntConcerns(locale, safetyData[locale], CALM.flatMap((k) => firstWords[locale].intents[k] ?? [])));
  return nets.get(locale)!;
};

/** What someone's words say about their safety, and whether it is unclear enough to ask. */
export interface Safety {
  concerns: Concern[];
  /** No concern is sure, but the words lean towards one: ask whether they are safe. */
  unsure: boolean;
}

/**
 * What someone's words say about their safety, in their language or in English (which many
 * write in when frightened, whatever page they are on): danger now, self-harm, domestic abuse.
 */
export function safetyIn(text: string, locale: Locale): Safety {
  const found = new Set([...recognisers[locale](text), ...(locale === 'en' ? [] : recognisers.en(text))]);
  let unsure = false;
  if (found.size === 0) {
    const learnt = netFor(locale)(text);
    if (learnt.concern) found.add(learnt.concern);
    unsure = learnt.unsure;
  }
  return { concerns: (['danger', 'selfHarm', 'domesticAbuse'] as const).filter((c) => found.has(c)), unsure };
}

export function concernsIn(text: string, locale: Locale): Concern[] {
  return safetyIn(text, locale).concerns;
}

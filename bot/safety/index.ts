import type { Locale } from '../../i18n';
import en from './en.json';
import lt from './lt.json';
import pl from './pl.json';
import pt from './pt.json';
import ro from './ro.json';
import ur from './ur.json';
import { recogniser, type Concern, type Recogniser, type SafetyData } from './recognise';

export type { Concern } from './recognise';

/** Each language's phrases, as data beside the bot (and run by the tests). */
export const safetyData: Record<Locale, SafetyData> = { en, pl, lt, ro, pt, ur } as Record<Locale, SafetyData>;

const recognisers = Object.fromEntries(Object.entries(safetyData).map(([locale, data]) => [locale, recogniser(data)])) as Record<
  Locale,
  Recogniser
>;

/**
 * What someone's words say about their safety, in their language or in English (which many
 * write in when frightened, whatever page they are on): danger now, self-harm, domestic abuse.
 */
export function concernsIn(text: string, locale: Locale): Concern[] {
  const found = new Set([...recognisers[locale](text), ...(locale === 'en' ? [] : recognisers.en(text))]);
  return (['danger', 'selfHarm', 'domesticAbuse'] as const).filter((c) => found.has(c));
}

import i18next, { type TFunction } from 'i18next';
import en from './en.json';
import partnerEn from './partner-en.json';
import lt from './lt.json';
import pl from './pl.json';
import pt from './pt.json';
import ro from './ro.json';
import ur from './ur.json';

export const locales = ['en', 'pl', 'lt', 'ro', 'pt', 'ur'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** Each language's name in itself, for the language switcher. */
export const nativeNames: Record<Locale, string> = {
  en: 'English',
  pl: 'Polski',
  lt: 'Lietuvių',
  ro: 'Română',
  pt: 'Português',
  ur: 'اردو',
};

const catalogs: Record<Locale, Record<string, string>> = { en, pl, lt, ro, pt, ur };
/** The words every language is checked against, and those of partners' emails. */
export const englishCatalog: Record<string, string> = en;
export const partnerCatalog: Record<string, string> = partnerEn;

/**
 * How the portal's words name the partnership that runs it ({{siteName}}, {{area}}, …), from its
 * partnership file. The site's build has them compiled in (astro.config.mjs); the server sets
 * them at start-up from the file it runs with.
 */
export interface Wording {
  siteName: string;
  partnershipName: string;
  area: string;
  region: string;
  examplePostcode: string;
  exampleStreet: string;
}
declare const __PARTNERSHIP_WORDING__: Wording | undefined;
const builtWording: Partial<Wording> = typeof __PARTNERSHIP_WORDING__ === 'undefined' ? {} : __PARTNERSHIP_WORDING__;

const i18n = i18next.createInstance();
void i18n.init({
  resources: {
    ...Object.fromEntries(locales.map((l) => [l, { translation: catalogs[l] }])),
    // Partners read their emails in English: those strings are not translated.
    en: { translation: en, partner: partnerEn },
  },
  lng: defaultLocale,
  fallbackLng: defaultLocale,
  // Keys are flat and dotted: "report.asb.question.kind.label" is one key, not a path.
  keySeparator: false,
  nsSeparator: false,
  // Pages (Astro) and emails escape at output; escaping here too would double-escape.
  interpolation: { escapeValue: false, defaultVariables: { ...builtWording } },
  initAsync: false,
  returnNull: false,
  showSupportNotice: false,
});

/** The partnership's names, for every sentence that names them. */
export function useWording(wording: Wording): void {
  i18n.options.interpolation!.defaultVariables = { ...wording };
  for (const texts of remembered.values()) texts.clear();
}

// A chat turn or an email asks for the same plain strings (labels, options) again and again, and
// i18next takes far longer to resolve a key than to look it up: a plain key's text is kept the
// first time (the words do not change while the portal runs, except by useWording).
const remembered = new Map<string, Map<string, string>>();
// Plain too: keys tried in turn (a question's chat wording, else its label), and a key with only
// a default ("a hint, if it has one"). Anything interpolated is asked of i18next each time.
function plainId(key: unknown, rest: unknown[]): string | undefined {
  if (typeof key === 'string' && rest.length === 0) return key;
  if (Array.isArray(key) && key.every((k) => typeof k === 'string') && rest.length === 0) return key.join('\u0000');
  const options = rest[0] as Record<string, unknown> | undefined;
  if (typeof key === 'string' && rest.length === 1 && options && Object.keys(options).length === 1 && typeof options.defaultValue === 'string') {
    return `${key}\u0001${options.defaultValue}`;
  }
  return undefined;
}

function remembering(t: TFunction, id: string): TFunction {
  const texts = remembered.get(id) ?? remembered.set(id, new Map()).get(id)!;
  const ask = t as unknown as (...args: unknown[]) => string;
  const fn = (key: unknown, ...rest: unknown[]) => {
    const plain = plainId(key, rest);
    if (plain === undefined) return ask(key, ...rest);
    let text = texts.get(plain);
    if (text === undefined) texts.set(plain, (text = ask(key, ...rest)));
    return text;
  };
  return fn as unknown as TFunction;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function translator(locale: Locale): TFunction {
  return remembering(i18n.getFixedT(locale), locale);
}

/** Strings of the emails partners receive, in English. */
export function partnerTranslator(): TFunction {
  return remembering(i18n.getFixedT('en', 'partner'), 'partner');
}

/**
 * Text in a direction of its own (a partner's English name, what a person wrote) set inside a
 * sentence: isolated, so an English name's brackets keep their place in an Urdu sentence
 * (Unicode's first-strong isolate, as <bdi> is for markup).
 */
export const isolated = (text: string) => `\u2068${text}\u2069`;

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ur' ? 'rtl' : 'ltr';
}

/** The first supported language in an Accept-Language header, or English. */
export function localeFromAcceptLanguage(header: string | undefined | null): Locale {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase().split('-')[0];
    if (isLocale(tag)) return tag;
  }
  return defaultLocale;
}

/** The tag for dates and numbers: British English and European Portuguese. */
export function intlLocale(locale: Locale): string {
  return { en: 'en-GB', pt: 'pt-PT' }[locale as string] ?? locale;
}

/**
 * A translated sentence with what someone typed put into it. i18next would read "{{count}}" in a
 * typed value as a placeholder of the sentence (it replaces the first match in the text so far),
 * so typed values go in only after it has done its work.
 */
export function withTyped(t: TFunction, key: string, typed: Record<string, string>, values: Record<string, unknown> = {}): string {
  const marks = Object.fromEntries(Object.keys(typed).map((name, i) => [name, `\u0000${i}\u0000`]));
  let text = t(key, { ...values, ...marks });
  for (const [name, mark] of Object.entries(marks)) text = text.split(mark).join(typed[name]);
  return text;
}

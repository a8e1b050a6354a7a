import { defaultLocale, type Locale } from '../../i18n';

/** A page's address in a language: English at the root, the others under /pl/, /lt/ and so on. */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return locale === defaultLocale ? clean : `/${locale}${clean === '/' ? '/' : clean}`;
}

/** getStaticPaths for pages that exist in every language: `lang` is undefined for English. */
export function localeParams<T extends object>(locales: readonly Locale[], extra: T = {} as T) {
  return locales.map((locale) => ({
    params: { lang: locale === defaultLocale ? undefined : locale, ...extra },
    props: { locale },
  }));
}

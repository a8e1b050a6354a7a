// Every language's term function, for the build and the server. The browser loads only its
// reader's language (site/scripts/search.ts).
import lunr from 'lunr';
import type { TermFn } from './terms/pipeline';
import { term as en } from './terms/en';
import { term as lt } from './terms/lt';
import { term as pl } from './terms/pl';
import { term as pt } from './terms/pt';
import { term as ro } from './terms/ro';
import { term as ur } from './terms/ur';

export type { TermFn };

const TERM_FNS: Record<string, TermFn> = { en, pl, pt, ro, lt, ur };

export function termFor(locale: string): TermFn {
  return TERM_FNS[locale] ?? TERM_FNS.en;
}

export { lunr };

import { getCollection } from 'astro:content';
import { defaultLocale, type Locale } from '../../i18n';
import type { Guidance } from '../schemas/guidance';
import type { Helpline } from '../schemas/helplines';
import type { PageData } from '../schemas/pages';
import type { Topic } from '../schemas/topics';

// Spelled out because astro:content's generated types are only there after a build.
export interface GuidanceEntry {
  id: string;
  data: Guidance;
}
interface PageEntry {
  id: string;
  data: PageData;
  rendered?: { html: string };
}
interface HelplineEntry {
  id: string;
  data: Helpline;
}

export async function allHelplines(): Promise<Helpline[]> {
  return ((await getCollection('helplines')) as HelplineEntry[]).map((h) => h.data);
}

/** A topic's page in the reader's language, or the English one marked as a fallback. */
export async function guidanceFor(locale: Locale, topic: Topic): Promise<{ entry: GuidanceEntry; fallback: boolean }> {
  const all = (await getCollection('guidance')) as GuidanceEntry[];
  const own = all.find((e) => e.id === `${locale}/${topic}`);
  if (own) return { entry: own, fallback: false };
  const english = all.find((e) => e.id === `${defaultLocale}/${topic}`);
  if (!english) throw new Error(`content/guidance/${defaultLocale}/${topic}.md is missing: every topic needs an English page`);
  return { entry: english, fallback: true };
}

/** A page (accessibility statement, privacy notice) in the reader's language, or English. */
export async function pageFor(locale: Locale, name: string) {
  const all = (await getCollection('pages')) as PageEntry[];
  const own = all.find((e) => e.id === `${locale}/${name}`);
  if (own) return { entry: own, fallback: false };
  const english = all.find((e) => e.id === `${defaultLocale}/${name}`);
  if (!english) throw new Error(`content/pages/${defaultLocale}/${name}.md is missing`);
  return { entry: english, fallback: true };
}

/** The services a page lists, checked: an id that is not in the helpline list fails the build. */
export async function helplinesFor(entry: GuidanceEntry) {
  const helplines = await allHelplines();
  return entry.data.helplines.map((id) => {
    const found = helplines.find((h) => h.id === id);
    if (!found) {
      throw new Error(`content/guidance/${entry.id}.md: helplines: no helpline "${id}" in content/helplines.yaml`);
    }
    return found;
  });
}

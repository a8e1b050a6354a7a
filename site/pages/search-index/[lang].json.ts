import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { buildIndex } from '../../../api/search/index';
import { plainText, words } from '../../../api/search/text';
import { locales, type Locale } from '../../../i18n';
import type { GuidanceEntry } from '../../lib/content';
import { localePath } from '../../lib/paths';

// One prebuilt lunr index per language: fetched by the browser only when the search box is used,
// and loaded by the server for search without JavaScript and for the chatbot.
export function getStaticPaths() {
  return locales.map((lang) => ({ params: { lang } }));
}

export const GET: APIRoute = async ({ params }) => {
  const locale = params.lang as Locale;
  const all = (await getCollection('guidance')) as (GuidanceEntry & { body?: string })[];
  const entries = all.filter((e) => e.id.startsWith(`${locale}/`));
  // Each page's English names go in with it (api/search/english.ts): its title and its short
  // keywords, the names people borrow ("hate crime", "Victims' Hub"), not its long phrases.
  const names = (e: GuidanceEntry) => [e.data.title, ...e.data.keywords.filter((k) => words(k).length <= 3)].join(' ');
  const english = new Map(all.filter((e) => locale !== 'en' && e.id.startsWith('en/')).map((e) => [e.data.topic, names(e)]));
  const docs = entries.map((e) => ({
    url: localePath(locale, `/advice/${e.data.topic}`),
    title: e.data.title,
    summary: e.data.summary,
    keywords: e.data.keywords.join(' '),
    reports: e.data.reportTypes,
    headings: [...(e.body ?? '').matchAll(/^#{2,3}\s+(.+)$/gm)].map((m) => m[1]).join(' '),
    text: plainText(e.body ?? ''),
    ...(english.has(e.data.topic) && { english: english.get(e.data.topic) }),
  }));
  return new Response(JSON.stringify(buildIndex(locale, docs)), { headers: { 'content-type': 'application/json' } });
};

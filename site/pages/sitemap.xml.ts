import type { APIRoute } from 'astro';
import { definitions } from '../../api/report-types';
import { locales } from '../../i18n';
import { localePath } from '../lib/paths';
import { topics } from '../schemas/topics';

/** Every page in every language (the same list the accessibility test walks). */
export function sitemapPaths(): string[] {
  const paths = [
    '/',
    ...topics.map((topic) => `/advice/${topic}`),
    '/help',
    '/accessibility',
    '/privacy',
    '/search',
    ...definitions.map((d) => `/report/${d.id}`),
  ];
  return locales.flatMap((locale) => paths.map((path) => localePath(locale, path)));
}

export const GET: APIRoute = ({ site }) => {
  const base = site ?? new URL('http://localhost:4321');
  const urls = sitemapPaths()
    .map((path) => `  <url><loc>${new URL(path, base).href}</loc></url>`)
    .join('\n');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`,
    { headers: { 'content-type': 'application/xml; charset=utf-8' } },
  );
};

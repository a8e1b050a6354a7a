import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from './fixtures';

export const clientDir = join(projectRoot, 'dist', 'client');

/** The built HTML of a prerendered page, by its path (/pl/advice/fraud-and-scams). */
export function builtPage(path: string): string | undefined {
  const file = join(clientDir, path.endsWith('/') ? `${path}index.html` : `${path}/index.html`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

export function sitemapPaths(): string[] {
  const xml = readFileSync(join(clientDir, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
}

export interface HelplineFacts {
  id: string;
  name: string;
  phone?: string;
  text?: string;
  mentions?: string[];
  verified: boolean;
}

export function helplineList(): HelplineFacts[] {
  return parse(readFileSync(join(projectRoot, 'content', 'helplines.yaml'), 'utf8')) as HelplineFacts[];
}

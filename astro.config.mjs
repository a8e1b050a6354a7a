// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { wordingOf } from './api/routing/wording.ts';
import { helplineFreshness } from './site/integrations/helpline-freshness.ts';
import { partnershipCheck } from './site/integrations/partnership-check.ts';

// The partnership's names, compiled into the pages' words ({{siteName}}, {{area}}, …). The
// server checks the whole file at start-up; a build only needs its names.
const partnershipFile = process.env.PARTNERSHIP_FILE ?? process.env.ROUTING_FILE ?? 'content/partnership.yaml';
const wording = wordingOf(parse(readFileSync(partnershipFile, 'utf8')).partnership);

export default defineConfig({
  srcDir: './site',
  // Absolute addresses in hreflang links and the sitemap; set PUBLIC_URL when building for a deployment.
  site: process.env.PUBLIC_URL ?? 'http://localhost:4321',
  i18n: {
    locales: ['en', 'pl', 'lt', 'ro', 'pt', 'ur'],
    defaultLocale: 'en',
    // Pages take their language from the [...lang] segment (English unprefixed, /pl/ and so on).
    routing: 'manual',
  },
  output: 'static',
  adapter: node({ mode: 'middleware' }),
  integrations: [partnershipCheck(partnershipFile), helplineFreshness('content/helplines.yaml')],
  // The Hono server in front checks the origin of every form post (api/server/portal.ts),
  // against PUBLIC_URL read at run time rather than baked in at build time.
  security: { checkOrigin: false },
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  vite: {
    define: { __PARTNERSHIP_WORDING__: JSON.stringify(wording) },
    css: { preprocessorOptions: { scss: { loadPaths: [fileURLToPath(new URL('./node_modules', import.meta.url))] } } },
  },
});

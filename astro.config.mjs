// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { helplineFreshness } from './site/integrations/helpline-freshness.ts';

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
  integrations: [helplineFreshness('content/helplines.yaml')],
  // The Hono server in front checks the origin of every form post (api/server/portal.ts),
  // against PUBLIC_URL read at run time rather than baked in at build time.
  security: { checkOrigin: false },
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  vite: {
    css: { preprocessorOptions: { scss: { loadPaths: [fileURLToPath(new URL('./node_modules', import.meta.url))] } } },
  },
});

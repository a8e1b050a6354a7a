// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  srcDir: './site',
  output: 'static',
  adapter: node({ mode: 'middleware' }),
  // The Hono server in front checks the origin of every form post (api/server/portal.ts),
  // against PUBLIC_URL read at run time rather than baked in at build time.
  security: { checkOrigin: false },
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  vite: {
    css: { preprocessorOptions: { scss: { loadPaths: [fileURLToPath(new URL('./node_modules', import.meta.url))] } } },
  },
});

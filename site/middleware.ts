import { defineMiddleware } from 'astro:middleware';

// i18n routing is 'manual': each page takes its language from its [...lang] segment, and no
// request is redirected by language, so this middleware has nothing to do.
export const onRequest = defineMiddleware((_context, next) => next());

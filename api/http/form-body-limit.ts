import type { MiddlewareHandler } from 'hono';
import { isLocale, translator } from '../../i18n';
import { escapeHtml } from '../mail/escape';

/** Far more than the longest report a person can type (every answer at its longest is ~30 KB). */
export const FORM_MAX_BYTES = 64 * 1024;

/**
 * Form posts to pages are bounded before anything reads them: the page reads the socket
 * itself, so the limit is on the declared length, and a post without one is refused too.
 * Answers 413 in the reader's language.
 */
export const formBodyLimit: MiddlewareHandler = async function formBodyLimit(c, next) {
  if (c.req.method !== 'POST') return next();
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared <= FORM_MAX_BYTES) return next();
  const first = c.req.path.split('/')[1];
  const locale = isLocale(first) ? first : 'en';
  const t = translator(locale);
  c.header('Connection', 'close');
  return c.html(
    `<!doctype html><html lang="${locale}" dir="${locale === 'ur' ? 'rtl' : 'ltr'}"><title>${escapeHtml(t('form.tooLarge.title'))}</title>` +
      `<h1>${escapeHtml(t('form.tooLarge.title'))}</h1><p>${escapeHtml(t('form.tooLarge.body'))}</p></html>`,
    413,
  );
};

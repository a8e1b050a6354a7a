import type { MiddlewareHandler } from 'hono';

// No inline script or style, nothing from another site: every page's code and styles are the
// portal's own files. form-action 'self' keeps form posts on the portal.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

/** Headers on every response, API and pages alike. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
};

export const securityHeaders: MiddlewareHandler = async function securityHeaders(c, next) {
  // Set before the handler runs, so pages that Astro writes straight to the socket carry them too.
  const outgoing = (c.env as { outgoing?: { setHeader(name: string, value: string): void } } | undefined)?.outgoing;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) outgoing?.setHeader(name, value);
  await next();
  if (c.res.headers.has('x-hono-already-sent')) return;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
};

import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type Format = 'json' | 'xml';

/** "services.json" → services, json. GeoReport v2 names the format by the resource's extension. */
export function splitFormat(file: string): { name: string; format: Format } | undefined {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  return match ? { name: match[1], format: match[2] as Format } : undefined;
}

/** The format asked for by a path's extension; XML, the format every server must offer, otherwise. */
export function formatOf(path: string): Format {
  return path.endsWith('.json') ? 'json' : 'xml';
}

// The element each list's entries take: <services><service>, <errors><error>, …
const ENTRY: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
};

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// Characters XML 1.0 cannot carry at all, even escaped: C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** One element, by the Spark convention GeoReport v2 maps JSON with: a list's entries are named by ENTRY. */
function element(name: string, value: unknown): string {
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((entry) => element(ENTRY[name] ?? 'item', entry)).join('')}</${name}>`;
  if (typeof value === 'object') {
    const children = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `<${name}>${children.map(([key, v]) => element(key, v)).join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export function toXml(root: string, body: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, body)}\n`;
}

/** A GeoReport v2 document in the format asked for; `root` names its XML root element. */
export function render(c: Context, format: Format, root: string, body: unknown, status: ContentfulStatusCode = 200): Response {
  if (format === 'json') return c.body(JSON.stringify(body), status, { 'content-type': 'application/json; charset=utf-8' });
  // The content type GeoReport v2 names for XML.
  return c.body(toXml(root, body), status, { 'content-type': 'text/xml; charset=utf-8' });
}

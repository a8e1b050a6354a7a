import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';

interface StaticFile {
  type: string;
  etag: string;
  /** The file as built, and its brotli and gzip copies where the build made them. */
  bodies: { identity: Bytes; br?: Bytes; gzip?: Bytes };
  /** Named by its content's hash (Astro's /_astro/ files): it never changes, so may be kept a year. */
  immutable: boolean;
}

const COMPRESSED = { br: '.br', gzip: '.gz' } as const;
type Bytes = Uint8Array<ArrayBuffer>;
const read = (path: string): Bytes => new Uint8Array(readFileSync(path));

/** The encodings a request accepts (q=0 refuses one), of those the build made. */
function accepted(header: string | undefined): Set<string> {
  const ok = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))) ok.add(name.trim());
  }
  return ok;
}

/**
 * The built site's files (guidance pages, styles, scripts, search indexes), read once at start
 * and answered from memory in the compression the build made: a guidance page costs a lookup,
 * not a file system walk and a compression, on a small server. About 4 MB.
 */
export function staticFiles(root: string): MiddlewareHandler {
  const files = new Map<string, StaticFile>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith('.br') && !name.endsWith('.gz')) add(path);
    }
  };
  const add = (path: string) => {
    const identity = read(path);
    const bodies: StaticFile['bodies'] = { identity };
    for (const [encoding, suffix] of Object.entries(COMPRESSED) as [keyof typeof COMPRESSED, string][]) {
      if (existsSync(path + suffix)) bodies[encoding] = read(path + suffix);
    }
    const url = `/${relative(root, path).split(sep).join('/')}`;
    const file: StaticFile = {
      type: getMimeType(path) ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
      bodies,
      immutable: url.startsWith('/_astro/'),
    };
    files.set(url, file);
    // A page is asked for by its directory, with or without the closing slash.
    if (url.endsWith('/index.html')) {
      const dirUrl = url.slice(0, -'index.html'.length);
      files.set(dirUrl, file);
      if (dirUrl !== '/') files.set(dirUrl.slice(0, -1), file);
    }
  };
  if (existsSync(root)) walk(root);

  return async function builtFile(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const file = files.get(c.req.path);
    if (!file) return next();
    c.header('Content-Type', file.type);
    c.header('ETag', file.etag);
    c.header('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (file.bodies.br || file.bodies.gzip) c.header('Vary', 'Accept-Encoding');
    if (c.req.header('If-None-Match') === file.etag) return c.body(null, 304);
    const ok = accepted(c.req.header('Accept-Encoding'));
    const encoding = (['br', 'gzip'] as const).find((e) => file.bodies[e] && ok.has(e));
    const body = encoding ? file.bodies[encoding]! : file.bodies.identity;
    if (encoding) c.header('Content-Encoding', encoding);
    c.header('Content-Length', String(body.length));
    if (c.req.method === 'HEAD') return c.body(null, 200);
    return c.body(body, 200);
  };
}

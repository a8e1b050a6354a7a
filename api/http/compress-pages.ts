import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Transform } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

// Astro's Node adapter writes pages made per request (forms, search) straight to Node's response,
// past Hono's compress(); these are compressed here. (The usual library for this, `compression`,
// is not among the project's packages and cannot be fetched on these machines; this is the
// little of it the pages need.)

const encodingFor = (accept: string | undefined): 'br' | 'gzip' | undefined => {
  const tokens = (accept ?? '').toLowerCase().split(',').map((t) => t.trim());
  const ok = (name: string) => tokens.some((t) => t === name || (t.startsWith(`${name};`) && !/;\s*q=0(\.0*)?$/.test(t)));
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
};

const headerOf = (headers: OutgoingHttpHeaders | undefined, res: ServerResponse, name: string) =>
  String(Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1] ?? res.getHeader(name) ?? '');

/** Makes `res` compress an HTML page written to it, if the browser accepts brotli or gzip. */
export function compressPageResponse(req: IncomingMessage, res: ServerResponse): void {
  const encoding = encodingFor(req.headers['accept-encoding']);
  if (!encoding || req.method === 'HEAD') return;
  const writeHead = res.writeHead.bind(res) as (status: number, headers?: OutgoingHttpHeaders) => ServerResponse;
  const write = res.write.bind(res) as (chunk: unknown) => boolean;
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  let stream: Transform | undefined;

  res.writeHead = ((status: number, headers?: OutgoingHttpHeaders) => {
    const html = headerOf(headers, res, 'content-type').startsWith('text/html');
    if (status === 200 && html && !headerOf(headers, res, 'content-encoding')) {
      const all: OutgoingHttpHeaders = { ...headers, 'content-encoding': encoding, vary: 'Accept-Encoding' };
      for (const key of Object.keys(all)) if (key.toLowerCase() === 'content-length') delete all[key];
      res.removeHeader('content-length');
      // Brotli at a quality quick enough to make per request, still smaller than gzip.
      stream = encoding === 'br' ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) : createGzip();
      stream.on('data', (chunk: Buffer) => write(chunk));
      stream.on('end', () => end());
      return writeHead(status, all);
    }
    return writeHead(status, headers);
  }) as typeof res.writeHead;
  res.write = ((chunk: unknown) => (stream ? stream.write(chunk as Buffer) : write(chunk))) as typeof res.write;
  res.end = ((chunk?: unknown) => {
    if (!stream) return end(chunk);
    if (chunk !== undefined && typeof chunk !== 'function') stream.end(chunk as Buffer);
    else stream.end();
    return res;
  }) as typeof res.end;
}

import type { Context } from 'hono';

/**
 * Who a request is from, for per-client limits: the socket's address, or, when that address is
 * a proxy the partnership trusts (TRUST_PROXY), the address that proxy says it forwarded for.
 * Without a trusted proxy the header is ignored: anyone can write X-Forwarded-For.
 */
export function clientAddress(c: Context, trustProxy: string[]): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const socket = incoming?.socket?.remoteAddress ?? 'unknown';
  if (!isTrusted(socket, trustProxy)) return socket;
  // The nearest hop that is not one of our own proxies is the client.
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!isTrusted(hops[i], trustProxy)) return hops[i];
  return socket;
}

function isTrusted(address: string, trustProxy: string[]): boolean {
  const plain = address.replace(/^::ffff:/, '');
  return trustProxy.some((p) => (p === 'loopback' ? plain === '127.0.0.1' || plain === '::1' || plain.startsWith('127.') : p === plain));
}

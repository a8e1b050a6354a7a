import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NeutralSite {
  /** Its address: another origin than the portal's (localhost, where the portal is 127.0.0.1). */
  url: string;
  stop(): Promise<void>;
}

/**
 * The neutral site "Exit this page" leads to, as a real site on its own origin: a weather page
 * that stores nothing and knows nothing of the portal, so Back from it is a real cross-site Back.
 */
export async function startNeutralSite(): Promise<NeutralSite> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="en"><title>Weather</title><h1>Weather for Peterborough</h1><p>Cloudy.</p></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/weather`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

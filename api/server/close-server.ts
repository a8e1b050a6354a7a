import type { Server } from 'node:http';

/** How long a request in flight has to finish once the server is told to stop. */
const GRACE_MS = 2000;

/**
 * Stops taking connections and resolves once every one has ended. A socket that has sent nothing
 * yet (a browser's preconnect) or a slow client holds `server.close()` open for minutes, longer
 * than a service manager waits before it kills the process mid-send: whatever is left after the
 * grace period is ended.
 */
export function closeServer(server: Server, graceMs = GRACE_MS): Promise<void> {
  return new Promise((done) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(force);
      done();
    });
  });
}

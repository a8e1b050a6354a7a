import { holderOf, secretDigest } from '../http/secret-match';
import { ConfigError } from '../config-error';
import { secretName, type Routing } from '../routing/routing-schema';

const PREFIX = 'OPEN311_KEY';
const MIN_KEY_LENGTH = 32;

export interface Open311Client {
  id: string;
  name: string;
  /** The report types it may send. */
  services: string[];
  /** The SHA-256 of its key: the key itself is not kept. */
  keyDigest: Buffer;
}


/**
 * Each configured Open311 client with its key from OPEN311_KEY_<ID>. A client without a key, a
 * key naming no client (a misspelt id) or two clients sharing a key stop start-up.
 */
export function open311Clients(routing: Routing, secrets: Record<string, string>): Open311Client[] {
  const configured = routing.open311.clients;
  for (const name of Object.keys(secrets)) {
    if (name.startsWith(`${PREFIX}_`) && !configured.some((client) => secretName(PREFIX, client.id) === name)) {
      throw new ConfigError(`environment variable ${name}`, 'names no client in the partnership file (open311.clients)');
    }
  }
  const clients = configured.map((client): Open311Client => {
    const name = secretName(PREFIX, client.id);
    const key = secrets[name];
    if (!key) throw new ConfigError(`environment variable ${name}`, `must be set: it is the Open311 key of ${client.id} (32 or more random characters)`);
    if (key.length < MIN_KEY_LENGTH) throw new ConfigError(`environment variable ${name}`, `must be at least ${MIN_KEY_LENGTH} characters (a long random key)`);
    return { id: client.id, name: client.name, services: client.services, keyDigest: secretDigest(key) };
  });
  clients.forEach((client, i) => {
    const twin = clients.findIndex((other) => other.keyDigest.equals(client.keyDigest));
    if (twin !== i) throw new ConfigError(`environment variable ${secretName(PREFIX, client.id)}`, `is the same key as ${secretName(PREFIX, clients[twin].id)}: give each client its own`);
  });
  return clients;
}

/**
 * The client whose key this is. Every client's digest is compared, in constant time, whatever
 * matched: neither whether a key is close nor which client it belongs to shows in the timing.
 */
export function clientByKey(clients: Open311Client[], key: string | undefined): Open311Client | undefined {
  return holderOf(clients, (client) => client.keyDigest, key);
}

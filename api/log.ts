import pino from 'pino';

/**
 * Structured logs (JSON lines). What is logged is chosen field by field: references, partner
 * ids, paths, status codes and error codes. Never an answer, a contact detail, a chat message or
 * a search query, so nothing a person typed can reach a log.
 */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const asked = process.env.LOG_LEVEL;

// A wrong LOG_LEVEL is refused by the configuration, in one line; until then, "info".
export const log = pino({
  level: (LOG_LEVELS as readonly string[]).includes(asked ?? '') ? asked : 'info',
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = typeof log;

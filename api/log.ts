import pino from 'pino';

/**
 * Structured logs (JSON lines). What is logged is chosen field by field: references, partner
 * ids, paths, status codes and error codes. Never an answer, a contact detail, a chat message or
 * a search query, so nothing a person typed can reach a log.
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = typeof log;

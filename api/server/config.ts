import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../config-error';
import { LOG_LEVELS } from '../log';
import { defaultRetryPolicy, type RetryPolicy } from '../outbox/backoff';
import type { RepeatsConfig } from '../repeats/flags';
import type { RetentionPolicy } from '../store/retention';
import { parseReportKey } from '../store/sealed';

export interface PortalConfig {
  port: number;
  host: string;
  publicUrl: URL;
  dataDir: string;
  smtpUrl?: string;
  /** TLS 1.2 or later to any SMTP server not on this machine (on unless turned off). */
  smtpRequireTls: boolean;
  /** Signs every email when a key is given. */
  dkim?: { domainName: string; keySelector: string; privateKey: string };
  /** Deliveries sent at once to one partner by one channel; partners never wait for each other. */
  outboxPerPartner: number;
  webhookTimeoutMs: number;
  /**
   * Secrets named by partner or client, from the environment only: webhook signing secrets
   * (WEBHOOK_SECRET_<ID>), partners' systems' tokens (PARTNER_TOKEN_<ID>), Open311 keys
   * (OPEN311_KEY_<ID>), and a partner's own mail relay (SMTP_URL_<ID>).
   */
  secrets: Record<string, string>;
  /** The sender of emails; unset, the partnership file's. */
  mailFrom?: string;
  /** The partnership: its name and wording, partners, routing and thresholds. */
  partnershipFile: string;
  /** The checked helpline list (content/helplines.yaml): the chat's safety numbers come from it. */
  helplinesFile: string;
  /** The chat's language data: intents, other names for options, days (bot/understanding). */
  understandingDir: string;
  retry: RetryPolicy;
  claimMs: number;
  exitUrl: string;
  retentionDays: number;
  matchSecret?: string;
  chatExpiryMs: number;
  formExpiryMs: number;
  reportsPerMinute: number;
  formStepsPerMinute: number;
  searchesPerMinute: number;
  /** Proxies whose X-Forwarded-For is believed: their addresses, or "loopback". Empty: none. */
  trustProxy: string[];
  chatTurnsPerMinute: number;
  /** Passkey sign-in and registration attempts per client per minute. */
  signInsPerMinute: number;
  /** Reports one Open311 client (by its key) may send per minute. */
  open311RequestsPerMinute: number;
  formMinSeconds: number;
  reportKey?: Buffer;
  /** A PostgreSQL database shared by every process given it; unset, SQLite in the data directory. */
  databaseUrl?: string;
  logLevel: (typeof LOG_LEVELS)[number];
}

const whole = (min: number, max: number) =>
  z.coerce.number({ invalid_type_error: `must be a whole number` }).int(`must be a whole number`).min(min, `must be ${min} or more`).max(max, `must be ${max} or less`);

// Each variable is documented in README.md; keep the two in step.
const envSchema = z.object({
  PORT: whole(0, 65535).default(4321),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.string().url('must be a full URL such as https://safer.example.org').optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'must start with smtp:// or smtps://')
    // Options in the address would override the portal's own, TLS among them.
    .refine((url) => !url.includes('?'), 'must not carry options after "?": the portal sets TLS and timeouts itself')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  SMTP_REQUIRE_TLS: z.enum(['true', 'false'], { errorMap: () => ({ message: 'must be true or false' }) }).default('true'),
  DKIM_DOMAIN: z.string().regex(/^[a-z0-9.-]+$/i, 'must be a domain name such as example.org').optional(),
  DKIM_SELECTOR: z.string().regex(/^[a-z0-9._-]+$/i, 'must be a DNS label such as portal2026').optional(),
  DKIM_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  OUTBOX_PER_PARTNER: whole(1, 50).default(2),
  WEBHOOK_TIMEOUT_SECONDS: whole(1, 300).default(15),
  PARTNERSHIP_FILE: z.string().min(1).optional(),
  // The name of PARTNERSHIP_FILE before the file held more than routing.
  ROUTING_FILE: z.string().min(1).optional(),
  RETRY_BASE_SECONDS: whole(1, 86_400).default(defaultRetryPolicy.baseMs / 1000),
  RETRY_CAP_SECONDS: whole(1, 86_400).default(defaultRetryPolicy.capMs / 1000),
  RETRY_MAX_ATTEMPTS: whole(1, 1000).default(defaultRetryPolicy.maxAttempts),
  OUTBOX_CLAIM_SECONDS: whole(5, 3600).default(120),
  RETENTION_DAYS: whole(1, 3650).default(90),
  RATE_LIMIT_REPORTS_PER_MINUTE: whole(0, 1_000_000).default(10),
  RATE_LIMIT_CHAT_PER_MINUTE: whole(0, 1_000_000).default(60),
  FORM_MIN_SECONDS: whole(0, 600).default(3),
  CHAT_EXPIRY_MINUTES: whole(1, 1440).default(30),
  FORM_EXPIRY_MINUTES: whole(5, 1440).default(60),
  RATE_LIMIT_FORM_STEPS_PER_MINUTE: whole(0, 1_000_000).default(120),
  RATE_LIMIT_SEARCHES_PER_MINUTE: whole(0, 1_000_000).default(60),
  RATE_LIMIT_SIGN_INS_PER_MINUTE: whole(0, 1_000_000).default(10),
  RATE_LIMIT_OPEN311_PER_MINUTE: whole(0, 1_000_000).default(120),
  TRUST_PROXY: z
    .string()
    .regex(/^\s*(loopback|[0-9a-fA-F.:]+)(\s*,\s*(loopback|[0-9a-fA-F.:]+))*\s*$/, 'must be "loopback" or IP addresses separated by commas')
    .optional(),
  REPORT_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, 'must be 32 bytes, written as 64 hex digits or 44 base64 characters')
    .optional(),
  MATCH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must start with postgres:// (or postgresql://)').optional(),
  EXIT_URL: z.string().url('must be a full URL such as https://www.bbc.co.uk/weather').default('https://www.bbc.co.uk/weather'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { errorMap: () => ({ message: `must be one of ${LOG_LEVELS.join(', ')}` }) }).default('info'),
});

const SECRET = /^(WEBHOOK_SECRET|PARTNER_TOKEN|OPEN311_KEY|SMTP_URL)_[A-Z0-9_]+$/;

function readKey(file: string): string {
  try {
    const key = readFileSync(file, 'utf8');
    if (!key.includes('PRIVATE KEY')) throw new Error('not a key');
    return key;
  } catch {
    throw new ConfigError('environment variable DKIM_PRIVATE_KEY_FILE', 'must name a readable PEM private key file');
  }
}

/** Reads the portal's settings from the environment; a bad one is a ConfigError naming it. */
export function loadConfig(env: NodeJS.ProcessEnv, root: string): PortalConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // The value itself is not echoed: SMTP_URL may hold a password.
    throw new ConfigError(`environment variable ${issue.path.join('.')}`, issue.message);
  }
  const e = parsed.data;
  const dkimSet = [e.DKIM_DOMAIN, e.DKIM_SELECTOR, e.DKIM_PRIVATE_KEY_FILE].filter(Boolean).length;
  // Repeat matching compares keyed hashes: every process on one database must key them alike,
  // and a secret kept in a process's own data directory would differ from the next one's.
  if (e.DATABASE_URL && !e.MATCH_SECRET) throw new ConfigError('environment variable MATCH_SECRET', 'must be set with DATABASE_URL, the same for every process on that database');
  if (dkimSet > 0 && dkimSet < 3) throw new ConfigError('environment variable DKIM_PRIVATE_KEY_FILE', 'DKIM needs DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE together');
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`),
    dataDir: resolve(root, e.DATA_DIR),
    smtpUrl: e.SMTP_URL,
    smtpRequireTls: e.SMTP_REQUIRE_TLS === 'true',
    ...(dkimSet === 3 && { dkim: { domainName: e.DKIM_DOMAIN!, keySelector: e.DKIM_SELECTOR!, privateKey: readKey(resolve(root, e.DKIM_PRIVATE_KEY_FILE!)) } }),
    outboxPerPartner: e.OUTBOX_PER_PARTNER,
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_SECONDS * 1000,
    secrets: Object.fromEntries(Object.entries(present).filter(([name]) => SECRET.test(name))) as Record<string, string>,
    mailFrom: e.MAIL_FROM,
    partnershipFile: resolve(root, e.PARTNERSHIP_FILE ?? e.ROUTING_FILE ?? 'content/partnership.yaml'),
    helplinesFile: resolve(root, 'content', 'helplines.yaml'),
    understandingDir: resolve(root, 'bot', 'understanding'),
    retry: { baseMs: e.RETRY_BASE_SECONDS * 1000, capMs: e.RETRY_CAP_SECONDS * 1000, maxAttempts: e.RETRY_MAX_ATTEMPTS },
    claimMs: e.OUTBOX_CLAIM_SECONDS * 1000,
    exitUrl: e.EXIT_URL,
    retentionDays: e.RETENTION_DAYS,
    matchSecret: e.MATCH_SECRET,
    chatExpiryMs: e.CHAT_EXPIRY_MINUTES * 60_000,
    formExpiryMs: e.FORM_EXPIRY_MINUTES * 60_000,
    reportsPerMinute: e.RATE_LIMIT_REPORTS_PER_MINUTE,
    formStepsPerMinute: e.RATE_LIMIT_FORM_STEPS_PER_MINUTE,
    searchesPerMinute: e.RATE_LIMIT_SEARCHES_PER_MINUTE,
    trustProxy: (e.TRUST_PROXY ?? '').split(',').map((a) => a.trim()).filter(Boolean),
    chatTurnsPerMinute: e.RATE_LIMIT_CHAT_PER_MINUTE,
    signInsPerMinute: e.RATE_LIMIT_SIGN_INS_PER_MINUTE,
    open311RequestsPerMinute: e.RATE_LIMIT_OPEN311_PER_MINUTE,
    formMinSeconds: e.FORM_MIN_SECONDS,
    reportKey: parseReportKey(e.REPORT_KEY),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
  };
}

/** Where the store is: the PostgreSQL database, or the SQLite file in the data directory. */
export const storeLocation = (config: PortalConfig) => config.databaseUrl ?? join(config.dataDir, 'portal.db');

/** How long each kind of data is kept: the settings here and the partnership's repeat windows. */
export function retentionPolicy(config: PortalConfig, repeats: RepeatsConfig): RetentionPolicy {
  return { reportDays: config.retentionDays, repeats, chatExpiryMs: config.chatExpiryMs, formExpiryMs: config.formExpiryMs };
}

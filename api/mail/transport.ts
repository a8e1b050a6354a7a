import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { isLoopbackHost } from '../loopback';

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Built from the reference and the partner, so a resend after a crash is recognisably the same message. */
  messageId: string;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
  /** Deletes copies it keeps of emails sent before a time (the pickup folder's files); how many. */
  purge?(before: number): number;
  close(): void;
}

export interface DkimKey {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

export interface SmtpOptions {
  timeoutMs?: number;
  /** TLS 1.2 or later, or no email: the government's secure email policy for servers off this machine. */
  requireTls?: boolean;
  dkim?: DkimKey;
  /** Certificates to trust besides the system's (a test's own authority). */
  ca?: string;
}

/** A server on this machine: what travels to it never crosses a network. */
export function isLoopback(url: string): boolean {
  return isLoopbackHost(new URL(url).hostname);
}

/** Sends through an SMTP server (SMTP_URL). Failures keep nodemailer's responseCode and code. */
export function smtpMailer(url: string, options: SmtpOptions = {}): Mailer {
  const timeoutMs = options.timeoutMs ?? 30_000;
  // Timeouts go with the connection options (a second argument would only set message defaults).
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // STARTTLS must succeed (smtps:// is TLS from the start); a server that offers none refuses
    // the message, which fails and alerts rather than going out in the clear.
    ...(options.requireTls && { requireTLS: true, tls: { minVersion: 'TLSv1.2', ...(options.ca && { ca: options.ca }) } }),
    ...(options.dkim && { dkim: options.dkim }),
  } as object);
  return {
    async send(email) {
      await transport.sendMail(email);
    },
    close: () => transport.close(),
  };
}

/**
 * The embedded default: each email is written as an .eml file that any mail client opens, so
 * a newcomer sees exactly what a partner would receive, with no mail server at all. The files
 * hold whole reports: readable by the portal's user only, named by time and a hash that says
 * nothing of the report or its partner, and deleted with the reports (retention).
 */
export function pickupMailer(dir: string, dkim?: DkimKey): Mailer {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix', ...(dkim && { dkim }) } as object);
  return {
    async send(email) {
      const info = await transport.sendMail(email);
      const id = createHash('sha256').update(email.messageId).digest('hex').slice(0, 16);
      const name = `${Date.now()}-${id}.eml`;
      // Write then rename, so a reader never sees half a message; off the main thread, which
      // meanwhile answers the next reporter.
      const tmp = join(dir, `.${name}.tmp`);
      await writeFile(tmp, info.message as Buffer, { mode: 0o600 });
      await rename(tmp, join(dir, name));
    },
    purge(before) {
      let gone = 0;
      for (const name of readdirSync(dir)) {
        const file = join(dir, name);
        if (name.endsWith('.eml') && statSync(file).mtimeMs < before) {
          rmSync(file);
          gone++;
        }
      }
      return gone;
    },
    close() {},
  };
}

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { partnershipFile, projectRoot } from './fixtures';

/** Runs `npm run admin -- <args>` as a person would, against a portal's data folder. */
export async function admin(env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'api', 'server', 'admin.ts'), ...args], {
    cwd: projectRoot,
    env: { ...process.env, PARTNERSHIP_FILE: partnershipFile(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, out };
}

/** The invitation link in the newest invitation email for this address in a pickup folder. */
export async function invitationLink(mailDir: string, email: string): Promise<string> {
  const files = readdirSync(mailDir).filter((f) => f.endsWith('.eml')).sort().reverse();
  for (const file of files) {
    const mail = await simpleParser(readFileSync(join(mailDir, file)));
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    if (to?.text !== email || !/invitation/i.test(mail.subject ?? '')) continue;
    const link = mail.text?.match(/https?:\/\/\S+\/partners\/invitation\/\S+/)?.[0];
    if (link) return link;
  }
  throw new Error(`no invitation for ${email} in ${mailDir}`);
}

/** A platform authenticator in this page's browser (the DevTools protocol's WebAuthn domain), as a phone or laptop would have. */
export async function virtualAuthenticator(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
}

/** The HTML of the email a partner received about a report, from a pickup folder. */
export async function partnerEmail(mailDir: string, address: string, reference: string): Promise<string> {
  for (const file of readdirSync(mailDir).filter((f) => f.endsWith('.eml'))) {
    const mail = await simpleParser(readFileSync(join(mailDir, file)));
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    if (to?.text === address && mail.subject?.includes(reference) && typeof mail.html === 'string') return mail.html;
  }
  throw new Error(`no email about ${reference} to ${address} in ${mailDir}`);
}

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { drugsOnAHousingEstate } from '../support/core';
import { startPortalProcess } from '../support/portal-process';

// A real full disk: a 2 MB tmpfs (mounting needs root, as CI and these machines run).
describe('a full disk', () => {
  it('acknowledges only reports that were stored, answers 503 for the rest, and keeps serving', async () => {
    const mountPoint = `/tmp/portal-full-${process.pid}`;
    mkdirSync(mountPoint, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint]);
    let portal: Awaited<ReturnType<typeof startPortalProcess>> | undefined;
    try {
      // Started inside the try: a portal that fails to start must not leave the disk mounted.
      portal = await startPortalProcess({ DATA_DIR: mountPoint, RATE_LIMIT_REPORTS_PER_MINUTE: '0', SMTP_URL: 'smtp://127.0.0.1:9' });
      const acknowledged: string[] = [];
      const statuses = new Set<number>();
      const big = { ...drugsOnAHousingEstate, description: 'x'.repeat(4900), people: 'y'.repeat(1900) };
      // Four at a time, as reports arrive together and share a commit: the one that fills the disk
      // must take none of the others' acknowledgements with it.
      const send = () => fetch(`${portal!.url}/api/reports/asb`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(big) });
      for (let i = 0; i < 500 && !statuses.has(503); i++) {
        for (const res of await Promise.all([send(), send(), send(), send()])) {
          statuses.add(res.status);
          if (res.status === 201) acknowledged.push(((await res.json()) as { reference: string }).reference);
        }
      }
      expect(statuses.has(503)).toBe(true);
      expect([...statuses].every((s) => s === 201 || s === 503)).toBe(true);
      expect((await fetch(`${portal.url}/api/health`)).status).toBe(200);
      await portal.stop();
      const db = new Database(`${mountPoint}/portal.db`, { readonly: true });
      const stored = new Set((db.prepare('SELECT reference FROM reports').all() as { reference: string }[]).map((r) => r.reference));
      db.close();
      console.log(`full disk: ${acknowledged.length} acknowledged, all ${stored.size} stored found`);
      expect(acknowledged.filter((r) => !stored.has(r))).toEqual([]);
    } finally {
      await portal?.stop();
      execFileSync('umount', [mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    }
  }, 120_000);
});

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, drugsOnAHousingEstate } from '../support/core';
import { projectRoot } from '../support/fixtures';
import { startSmtp, type TestSmtp } from '../support/smtp';

let core: Awaited<ReturnType<typeof createCore>>;
let smtp: TestSmtp;
afterEach(async () => {
  await core.close();
  await smtp.stop();
});

function admin(...args: string[]) {
  const result = spawnSync(join(projectRoot, 'node_modules', '.bin', 'tsx'), ['api/server/admin.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...core.processEnv() },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the admin command', () => {
  it('lists failed deliveries, retries one, cancels another', async () => {
    smtp = await startSmtp();
    core = await createCore(smtp.url);
    const result = await core.submit('asb', drugsOnAHousingEstate);
    smtp.behave('permanent');
    await core.dispatcher().runOnce();
    const reference = result.ok ? result.reference : '';
    await core.store.close();

    const listed = admin('outbox');
    expect(listed.code).toBe(0);
    expect(listed.out.match(new RegExp(reference, 'g'))?.length).toBe(6); // 3 reports and 3 alerts, all refused
    expect(listed.out).toContain('550');

    expect(admin('retry', '1')).toMatchObject({ code: 0, out: 'Delivery 1 will be tried again now (by the running portal).\n' });
    expect(admin('retry', '1')).toMatchObject({ code: 1 });
    expect(admin('cancel', '1')).toMatchObject({ code: 0 });
    expect(admin('nonsense')).toMatchObject({ code: 1, err: expect.stringContaining('Usage') });
    await core.reopen();
    expect((await core.store.deliveriesOf(1))[0]).toMatchObject({ status: 'cancelled' });
  });
});

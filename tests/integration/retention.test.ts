import { afterEach, describe, expect, it } from 'vitest';
import { startRetention, type RetentionPolicy } from '../../api/store/retention';
import { createCore, drugsOnAHousingEstate } from '../support/core';
import { startSmtp, type TestSmtp } from '../support/smtp';

let core: Awaited<ReturnType<typeof createCore>>;
let smtp: TestSmtp;
afterEach(async () => {
  await core.close();
  await smtp.stop();
});

const DAY = 24 * 60 * 60 * 1000;
const days90 = (): RetentionPolicy => ({ reportDays: 90, repeats: core.routing.repeats, chatExpiryMs: DAY, formExpiryMs: DAY });

/** Starts the retention timer as the server does, and stops it once the purge it runs at once has ended. */
const startAndStopRetention = (now: () => number) => startRetention(core.store, days90(), now).stop();

describe('retention', () => {
  it('deletes a report 90 days after every partner received it, and not a day before', async () => {
    smtp = await startSmtp();
    core = await createCore(smtp.url);
    await core.submit('asb', drugsOnAHousingEstate);
    await core.dispatcher().runOnce();
    const sentAt = core.clock.now;

    await startAndStopRetention(() => sentAt + 89 * DAY);
    expect(await core.store.countReports()).toBe(1);
    await startAndStopRetention(() => sentAt + 90 * DAY + 1);
    expect(await core.store.countReports()).toBe(0);
    expect(await core.store.deliveriesOf(1)).toEqual([]);
  });

  it('keeps a report while any delivery is pending or failed', async () => {
    smtp = await startSmtp();
    core = await createCore(smtp.url);
    await core.submit('asb', drugsOnAHousingEstate);
    smtp.behave('permanent', core.routed('asb', drugsOnAHousingEstate)[0].email);
    await core.dispatcher().runOnce();
    await core.submit('asb', drugsOnAHousingEstate); // not sent at all yet
    await startAndStopRetention(() => core.clock.now + 365 * DAY);
    expect(await core.store.countReports()).toBe(2);
  });
});

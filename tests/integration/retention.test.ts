import { afterEach, describe, expect, it } from 'vitest';
import { startRetention, type RetentionPolicy } from '../../api/store/retention';
import { createCore, drugsOnAHousingEstate } from '../support/core';
import { startSmtp, type TestSmtp } from '../support/smtp';

let core: ReturnType<typeof createCore>;
let smtp: TestSmtp;
afterEach(async () => {
  core.close();
  await smtp.stop();
});

const DAY = 24 * 60 * 60 * 1000;
const days90 = (): RetentionPolicy => ({ reportDays: 90, repeats: core.routing.repeats, chatExpiryMs: DAY, formExpiryMs: DAY });

describe('retention', () => {
  it('deletes a report 90 days after every partner received it, and not a day before', async () => {
    smtp = await startSmtp();
    core = createCore(smtp.url);
    core.submit('asb', drugsOnAHousingEstate);
    await core.dispatcher().runOnce();
    const sentAt = core.clock.now;

    startRetention(core.store, days90(), () => sentAt + 89 * DAY).stop();
    expect(core.store.countReports()).toBe(1);
    startRetention(core.store, days90(), () => sentAt + 90 * DAY + 1).stop();
    expect(core.store.countReports()).toBe(0);
    expect(core.store.deliveriesOf(1)).toEqual([]);
  });

  it('keeps a report while any delivery is pending or failed', async () => {
    smtp = await startSmtp();
    core = createCore(smtp.url);
    core.submit('asb', drugsOnAHousingEstate);
    smtp.behave('permanent', core.routed('asb', drugsOnAHousingEstate)[0].email);
    await core.dispatcher().runOnce();
    core.submit('asb', drugsOnAHousingEstate); // not sent at all yet
    startRetention(core.store, days90(), () => core.clock.now + 365 * DAY).stop();
    expect(core.store.countReports()).toBe(2);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeIssuer } from '../../api/follow-up/codes';
import { createApi } from '../../api/http/api';
import { createCore, drugsOnAHousingEstate } from '../support/core';

let core: Awaited<ReturnType<typeof createCore>>;
let api: ReturnType<typeof createApi>;
beforeEach(async () => {
  core = await createCore();
  api = createApi({
    store: core.store,
    definitions: core.definitions,
    intake: { ...core.deps(), codes: codeIssuer() },
    now: () => core.clock.now,
  });
});
afterEach(() => core.close());

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  api.request(path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

interface Described {
  id: string;
  kind: string;
  required?: boolean;
  options?: { value: string }[];
  showWhen?: { question: string; in: string[] };
  format?: string;
}

/** Fills every required, shown question from the description alone, as a third-party client would. */
function answersFrom(questions: Described[]): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const samples: Record<string, unknown> = {
    date: '2026-11-01',
    time: '10:00',
    postcode: 'PE1 1HQ',
    email: 'someone@example.org',
    phone: '01632 960001',
    text: 'Sample',
    textarea: 'Sample text',
  };
  for (const q of questions) {
    if (q.kind === 'notice' || !q.required) continue;
    if (q.showWhen && !q.showWhen.in.includes(String(answers[q.showWhen.question]))) continue;
    // The notes say: answer "danger" with "no" unless the person is in danger now.
    if (q.id === 'danger') answers[q.id] = 'no';
    else if (q.kind === 'consent') answers[q.id] = 'yes';
    else answers[q.id] = q.options ? (q.kind === 'multichoice' ? [q.options[0].value] : q.options[0].value) : samples[q.kind];
    // Rules name questions of which one is needed; the first is enough.
  }
  return answers;
}

describe('the JSON API', () => {
  it('answers GET /api/health with 200', async () => {
    const res = await api.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', outbox: { undelivered: 0, oldestUndeliveredSeconds: 0, failedDeliveries: 0, failedAlerts: 0 }, workspace: { overdue: 0 } });
  });

  it('reports the outbox depth and the age of the oldest undelivered email', async () => {
    await post('/reports/asb', JSON.stringify(drugsOnAHousingEstate));
    core.clock.now += 90_000;
    const health = (await (await api.request('/health')).json()) as { outbox: { undelivered: number; oldestUndeliveredSeconds: number } };
    expect(health.outbox).toEqual({ undelivered: 3, oldestUndeliveredSeconds: 90, failedDeliveries: 0, failedAlerts: 0 });
  });

  it('describes every report type well enough to build a valid submission from it alone', async () => {
    const res = await api.request('/report-types');
    const { reportTypes } = (await res.json()) as {
      reportTypes: { id: string; submit: { url: string }; questions: Described[]; rules: { atLeastOne?: string[] }[] }[];
    };
    expect(reportTypes.map((t) => t.id)).toEqual(core.definitions.map((d) => d.id));
    for (const type of reportTypes) {
      const answers = answersFrom(type.questions);
      for (const rule of type.rules.filter((r) => r.atLeastOne)) {
        const first = type.questions.find((q) => q.id === rule.atLeastOne![0])!;
        const shown = !first.showWhen || first.showWhen.in.includes(String(answers[first.showWhen.question]));
        if (shown) answers[first.id] = answersFrom([{ ...first, required: true, showWhen: undefined }])[first.id];
      }
      const created = await post(type.submit.url.replace(/^\/api/, ''), JSON.stringify(answers));
      expect(created.status, JSON.stringify(await created.clone().json())).toBe(201);
    }
  });

  it('creates a report: 201 with its reference', async () => {
    const res = await post('/reports/asb', JSON.stringify(drugsOnAHousingEstate));
    expect(res.status).toBe(201);
    const { reference } = (await res.json()) as { reference: string };
    expect(reference).toMatch(/^ASB-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await core.store.reportByReference(reference))?.answers).toMatchObject({ kind: 'drugs' });
  });

  it('refuses invalid answers with 400, a path and a message for each problem, and stores nothing', async () => {
    const res = await post('/reports/asb', JSON.stringify({ ...drugsOnAHousingEstate, kind: undefined, date: '2026-13-01' }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      errors: [
        { path: 'kind', message: 'Select what kind of anti-social behaviour it is' },
        { path: 'date', message: 'Enter a real date, like 27 3 2026' },
      ],
    });
    expect(await core.store.countReports()).toBe(0);
  });

  it('tells someone in danger to call 999, with 422, and stores nothing', async () => {
    const res = await post('/reports/hate-crime', JSON.stringify({ danger: 'yes', description: 'He is outside my door' }));
    expect(res.status).toBe(422);
    const { errors } = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(errors).toEqual([{ path: 'danger', message: expect.stringMatching(/^Call 999 now/) }]);
    expect(await core.store.countReports()).toBe(0);
  });

  it('refuses malformed JSON with 400 in the same shape', async () => {
    const res = await post('/reports/asb', '{"kind": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ path: '', message: 'The request body is not valid JSON' }] });
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await post('/reports/asb', 'kind=noise', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
  });

  it('refuses a body over 64 KB with 413', async () => {
    const res = await post('/reports/asb', JSON.stringify({ description: 'x'.repeat(70_000) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: unknown[] }).errors).toHaveLength(1);
  });

  it('answers 404 for a report type that does not exist', async () => {
    const res = await post('/reports/burglary', '{}');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ errors: [{ path: '', message: 'There is no report of this type' }] });
  });

  it('returns the first reference for a retried request with the same Idempotency-Key', async () => {
    const send = () => post('/reports/asb', JSON.stringify(drugsOnAHousingEstate), { 'idempotency-key': 'k-1' });
    const first = (await (await send()).json()) as { reference: string };
    const second = (await (await send()).json()) as { reference: string };
    expect(second.reference).toBe(first.reference);
    expect(await core.store.countReports()).toBe(1);
  });

  it('never drops a report sent with a key used before for another type, nor hands back its reference', async () => {
    const asb = (await (await post('/reports/asb', JSON.stringify(drugsOnAHousingEstate), { 'idempotency-key': 'shared' })).json()) as { reference: string };
    const hate = await post('/reports/hate-crime', JSON.stringify(core.byId('hate-crime').examples.valid[0].answers), { 'idempotency-key': 'shared' });
    expect(hate.status).toBe(201);
    const { reference } = (await hate.json()) as { reference: string };
    expect(reference).not.toBe(asb.reference);
    expect((await core.store.reportByReference(reference))?.type).toBe('hate-crime');
  });

  it('refuses the same key with different answers (409), and stores nothing for it', async () => {
    await post('/reports/asb', JSON.stringify(drugsOnAHousingEstate), { 'idempotency-key': 'k-2' });
    const res = await post('/reports/asb', JSON.stringify({ ...drugsOnAHousingEstate, description: 'Something else entirely' }), { 'idempotency-key': 'k-2' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/already used for a different report/);
    expect(await core.store.countReports()).toBe(1);
  });

  it('refuses an over-long key instead of cutting it (two long keys must not collide)', async () => {
    const res = await post('/reports/asb', JSON.stringify(drugsOnAHousingEstate), { 'idempotency-key': 'k'.repeat(201) });
    expect(res.status).toBe(400);
    expect(await core.store.countReports()).toBe(0);
  });

  it('answers 201 with the reference and its own follow-up code alone, however many reports gave the same phone number', async () => {
    const noise = { ...drugsOnAHousingEstate, kind: 'noise', contactChoice: 'contact', name: 'Sam', phone: '07700 900123' };
    for (let i = 0; i < 3; i++) {
      const res = await post('/reports/asb', JSON.stringify(noise));
      expect(Object.keys((await res.json()) as object)).toEqual(['reference', 'followUpCode']);
    }
  });
});

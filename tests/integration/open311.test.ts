import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { intake } from '../../api/intake/intake';
import { open311Clients } from '../../api/open311/clients';
import { open311Routes } from '../../api/open311/routes';
import { createCore } from '../support/core';
import { defaultPartner } from '../support/fixtures';
import { startSmtp, type TestSmtp } from '../support/smtp';

// Two systems the partnership lets send reports: a FixMyStreet cobrand sending its ASB
// categories, and a council's own app sending ASB and hate crime.
const KEYS = { fixmystreet: randomBytes(24).toString('hex'), 'council-app': randomBytes(24).toString('hex') };
const CLIENTS = [
  { id: 'fixmystreet', name: 'FixMyStreet', services: ['asb'] },
  { id: 'council-app', name: 'The council’s app', services: ['asb', 'hate-crime'] },
];

let core: Awaited<ReturnType<typeof createCore>>;
let smtp: TestSmtp;
let server: ReturnType<typeof serve>;
let base: string;

beforeEach(async () => {
  smtp = await startSmtp();
  core = await createCore(smtp.url);
  const routing = { ...core.routing, open311: { clients: CLIENTS } };
  const clients = open311Clients(routing, { OPEN311_KEY_FIXMYSTREET: KEYS.fixmystreet, OPEN311_KEY_COUNCIL_APP: KEYS['council-app'] });
  const portal = new Hono();
  portal.route(
    '/open311/v2',
    open311Routes({
      definitions: core.definitions,
      clients,
      group: routing.partnership.name,
      submit: (definition, answers, source) => intake(core.deps(), definition, { answers, locale: 'en', source }),
      status: (reference, source) => core.store.requestStatus(reference, source),
    }),
  );
  await new Promise<void>((listening) => {
    server = serve({ fetch: portal.fetch, hostname: '127.0.0.1', port: 0 }, () => listening());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/open311/v2`;
});

afterEach(async () => {
  await new Promise<void>((closed) => server.close(() => closed()));
  await core.close();
  await smtp.stop();
});

// ---- A GeoReport v2 client, written from the specification (wiki.open311.org/GeoReport_v2) ----

interface Service {
  service_code: string;
  service_name: string;
  metadata: boolean;
  type: string;
}
interface Attribute {
  variable: boolean;
  code: string;
  datatype: string;
  required: boolean;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}
interface Open311Error {
  code: number;
  description: string;
}

async function get(path: string) {
  const res = await fetch(`${base}/${path}`);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

async function post(format: 'json' | 'xml', form: URLSearchParams) {
  const res = await fetch(`${base}/requests.${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: form.toString(),
  });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

// What the person chooses where the client's form asks them (some not required by the list, which
// cannot say "required when contact is chosen"); any other required list takes its first value.
const CHOICES: Record<string, string> = { danger: 'no', contactChoice: 'contact', wantsSupport: 'no' };
const SAMPLES: Record<string, string> = { datetime: '2026-11-20', string: 'Sample', text: 'Sample text', number: '1' };

/** The fields a client sends: the standard ones, and an answer to every required attribute of the definition. */
function requestFrom(code: string, key: string, attributes: Attribute[], skip: string[] = []): URLSearchParams {
  const form = new URLSearchParams({
    api_key: key,
    service_code: code,
    description: 'Music played loudly from the flat above every night after midnight.',
    address_string: '14 Example Row',
    lat: '52.5736',
    long: '-0.2405',
    email: 'resident@example.org',
    first_name: 'Alex',
    last_name: 'Example',
  });
  for (const attribute of [...attributes].sort((a, b) => a.order - b.order)) {
    if (!attribute.variable || !(attribute.required || CHOICES[attribute.code]) || skip.includes(attribute.code)) continue;
    const chosen = CHOICES[attribute.code] ?? attribute.values?.[0]?.key;
    if (attribute.datatype === 'multivaluelist') form.append(`attribute[${attribute.code}][]`, chosen!);
    else form.append(`attribute[${attribute.code}]`, attribute.values ? chosen! : SAMPLES[attribute.datatype]);
  }
  return form;
}

/** Discovers the ASB service and its definition, as a cobrand setting up its categories does. */
async function discoverAsb() {
  const services = JSON.parse((await get('services.json')).text) as Service[];
  const asb = services.find((s) => s.service_code === 'asb')!;
  const definition = JSON.parse((await get(`services/${asb.service_code}.json`)).text) as { service_code: string; attributes: Attribute[] };
  return { asb, attributes: definition.attributes };
}

async function reportAsb(key = KEYS.fixmystreet) {
  const { attributes } = await discoverAsb();
  const res = await post('json', requestFrom('asb', key, attributes));
  expect(res.status).toBe(200);
  return (JSON.parse(res.text) as { service_request_id: string }[])[0].service_request_id;
}

/** The text of each <tag> element in an XML document, entities read. */
function xmlTexts(xml: string, tag: string): string[] {
  const read = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => read(m[1]));
}

describe('Open311 GeoReport v2', () => {
  it('lets a client discover the ASB service, post a report from its definition, and the report reaches the ASB partner’s inbox', async () => {
    const { asb, attributes } = await discoverAsb();
    expect(asb).toMatchObject({ metadata: true, type: 'realtime', service_name: 'Report anti-social behaviour' });
    // The danger question comes first, as in every journey.
    expect(attributes[0]).toMatchObject({ code: 'danger', datatype: 'singlevaluelist', required: true, order: 1 });

    const res = await post('json', requestFrom('asb', KEYS.fixmystreet, attributes));
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/json; charset=utf-8');
    const [created] = JSON.parse(res.text) as { service_request_id: string; service_notice: string }[];
    expect(created.service_request_id).toMatch(/^ASB-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(created.service_notice).toMatch(/999/);

    await core.dispatcher().runOnce();
    const partner = defaultPartner(core.routing, 'asb');
    const mail = smtp.received.find((m) => !Array.isArray(m.to) && m.to?.text === partner.email);
    expect(mail?.subject).toContain(created.service_request_id);
    // The standard fields reached the questions they answer.
    expect(mail?.text).toContain('Music played loudly from the flat above every night after midnight.');
    expect(mail?.text).toContain('14 Example Row (52.5736, -0.2405)');
    expect(mail?.text).toContain('Alex Example');
  });

  it('tells the client that sent a request its status, and nothing personal', async () => {
    const reference = await reportAsb();
    const res = await get(`requests/${reference}.json?api_key=${KEYS.fixmystreet}`);
    expect(res.status).toBe(200);
    const [request] = JSON.parse(res.text) as Record<string, unknown>[];
    expect(request).toEqual({
      service_request_id: reference,
      status: 'open',
      service_code: 'asb',
      service_name: 'Report anti-social behaviour',
      requested_datetime: '2026-11-25T12:00:00Z',
      updated_datetime: '2026-11-25T12:00:00Z',
    });
    expect(res.text).not.toMatch(/Music played|Example Row|resident@example\.org|Alex/);

    const xml = await get(`requests/${reference}.xml?api_key=${KEYS.fixmystreet}`);
    expect(xml.type).toBe('text/xml; charset=utf-8');
    expect(xmlTexts(xml.text, 'status')).toEqual(['open']);
  });

  it('lists the services and defines them in XML as in JSON', async () => {
    const json = JSON.parse((await get('services.json')).text) as Service[];
    const xml = await get('services.xml');
    expect(xml.status).toBe(200);
    expect(xml.type).toBe('text/xml; charset=utf-8');
    expect(xml.text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services><service>')).toBe(true);
    expect(xmlTexts(xml.text, 'service_code')).toEqual(json.map((s) => s.service_code));
    expect(xmlTexts(xml.text, 'service_name')).toEqual(json.map((s) => s.service_name));
    // "Ask the Victims' Hub for support": an apostrophe, escaped.
    expect(xml.text).toContain('Victims&apos; Hub');

    const definition = JSON.parse((await get('services/asb.json')).text) as { attributes: Attribute[] };
    const xmlDefinition = await get('services/asb.xml');
    expect(xmlDefinition.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<service_definition><service_code>asb<\/service_code><attributes><attribute>/);
    expect(xmlTexts(xmlDefinition.text, 'code')).toEqual(definition.attributes.map((a) => a.code));
    expect(xmlTexts(xmlDefinition.text, 'key').slice(0, 2)).toEqual(['yes', 'no']);
  });

  it('refuses a missing or wrong api_key with 403 in the standard error format', async () => {
    const { attributes } = await discoverAsb();
    const wrong = await post('json', requestFrom('asb', 'not-the-key', attributes));
    expect(wrong.status).toBe(403);
    const [error] = JSON.parse(wrong.text) as Open311Error[];
    expect(error).toEqual({ code: 403, description: expect.stringMatching(/^api_key/) });

    const form = requestFrom('asb', '', attributes);
    form.delete('api_key');
    const missing = await post('xml', form);
    expect(missing.status).toBe(403);
    expect(missing.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<errors><error><code>403<\/code><description>api_key/);
    expect(smtp.received).toHaveLength(0);
    expect(await core.store.outboxDepth()).toBe(0);
  });

  it('takes a report with a photo, as FixMyStreet sends one, and says the photo was not passed on', async () => {
    const { attributes } = await discoverAsb();
    const form = requestFrom('asb', KEYS.fixmystreet, attributes);
    form.append('media_url', 'https://photos.example.org/1.jpg');
    const res = await post('json', form);
    expect(res.status).toBe(200);
    const [accepted] = JSON.parse(res.text) as { service_request_id: string; service_notice: string }[];
    expect(accepted.service_notice).toMatch(/The photo was not passed on/);
    expect(JSON.stringify((await core.store.reportByReference(accepted.service_request_id))!.answers)).not.toContain('photos.example.org');
  });

  it('refuses a report missing a required attribute with 400 naming it', async () => {
    const { attributes } = await discoverAsb();
    const res = await post('json', requestFrom('asb', KEYS.fixmystreet, attributes, ['ongoing']));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual([{ code: 400, description: 'attribute[ongoing]: Select yes if it is still happening' }]);
    expect(await core.store.outboxDepth()).toBe(0);
  });

  it('names each field it has no place for, and a value not on a list', async () => {
    const { attributes } = await discoverAsb();
    const form = requestFrom('asb', KEYS.fixmystreet, attributes);
    form.append('attribute[colour]', 'red');
    const refused = JSON.parse((await post('json', form)).text) as Open311Error[];
    expect(refused.map((e) => e.description)).toEqual([expect.stringMatching(/^attribute\[colour\]: this service has no such attribute/)]);

    const unlisted = requestFrom('asb', KEYS.fixmystreet, attributes);
    unlisted.set('attribute[kind]', 'pothole');
    const [error] = JSON.parse((await post('json', unlisted)).text) as Open311Error[];
    expect(error.description).toMatch(/^attribute\[kind\]: .* Use one of: noise, harassment,/);
  });

  it('answers another client’s request exactly as an unknown one: 404', async () => {
    const reference = await reportAsb(KEYS.fixmystreet);
    const others = await get(`requests/${reference}.json?api_key=${KEYS['council-app']}`);
    const unknown = await get(`requests/ASB-2222-2222.json?api_key=${KEYS['council-app']}`);
    expect(others.status).toBe(404);
    expect(others.text).toBe(unknown.text);
    expect((JSON.parse(others.text) as Open311Error[])[0].code).toBe(404);
    expect(others.text).not.toContain('open');
    // Without a key, nothing is told either.
    expect((await get(`requests/${reference}.json`)).status).toBe(403);
  });

  it('tells a client whose person is in danger now to call 999, and stores nothing', async () => {
    const { attributes } = await discoverAsb();
    const form = requestFrom('asb', KEYS.fixmystreet, attributes);
    form.set('attribute[danger]', 'yes');
    const res = await post('json', form);
    expect(res.status).toBe(400);
    const [error] = JSON.parse(res.text) as Open311Error[];
    expect(error.description).toMatch(/^attribute\[danger\]: Call 999 now/);
    expect(await core.store.outboxDepth()).toBe(0);
  });

  it('lets a client post only the services it was given, and no service that does not exist', async () => {
    const hate = JSON.parse((await get('services/hate-crime.json')).text) as { attributes: Attribute[] };
    const res = await post('json', requestFrom('hate-crime', KEYS.fixmystreet, hate.attributes));
    expect(res.status).toBe(403);
    expect((JSON.parse(res.text) as Open311Error[])[0].description).toBe('This api_key may not send hate-crime requests');
    // The council's app was given hate crime: the same client, from the same kind of definition, sends one.
    const sent = await post('json', requestFrom('hate-crime', KEYS['council-app'], hate.attributes));
    expect(sent.status).toBe(200);
    expect((JSON.parse(sent.text) as { service_request_id: string }[])[0].service_request_id).toMatch(/^REF-/);

    const unknown = await post('json', requestFrom('potholes', KEYS.fixmystreet, []));
    expect(unknown.status).toBe(404);
    expect((await get('services/potholes.xml')).text).toContain('<code>404</code>');
  });
});

import { chmodSync, mkdirSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, type HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { csrf } from 'hono/csrf';
import { definitions as allDefinitions } from '../report-types';
import { checkDefinition } from '../definitions/check';
import { checkWords } from '../definitions/words';
import { resolveDefinition } from '../definitions/resolve';
import { createBotkit } from '../../bot/botkit';
import { sqliteChatStore } from '../../bot/chat-store';
import { createChatEngine } from '../../bot/engine';
import { chatRoutes } from '../../bot/route';
import { withFollowUp } from '../../bot/follow-up-chat';
import { loadSafetyNumbers } from '../../bot/safety/numbers';
import { loadUnderstanding } from '../../bot/understanding';
import { createApi } from '../http/api';
import { errorResponse } from '../http/errors';
import { exitRoutes } from '../http/exit';
import { urgentSearchRoutes } from '../http/search-urgent';
import { clientAddress } from '../http/client';
import { compressPageResponse } from '../http/compress-pages';
import { formBodyLimit } from '../http/form-body-limit';
import { normalisePath } from '../http/normalise-path';
import { sharedLimits } from '../http/shared-limits';
import { limiter, rateLimit } from '../http/rate-limit';
import { requestLog } from '../http/request-log';
import { securityHeaders } from '../http/security-headers';
import { staticFiles } from '../http/static-files';
import { log } from '../log';
import { closeServer } from './close-server';
import { intake, type IntakeDeps } from '../intake/intake';
import type { Mailer } from '../mail/transport';
import { loadRouting } from '../routing/load-routing';
import { loadMatchSecret } from '../repeats/keys';
import { loadGuidanceSearch } from '../search/server';
import { startRetention } from '../store/retention';
import { openStore } from '../store/store';
import { englishCatalog, isLocale, locales, partnerCatalog, translator, useWording } from '../../i18n';
import { concernsIn } from '../../bot/safety';
import { wordingOf } from '../routing/wording';
import { usePartnershipTimeZone } from '../time';
import { retentionPolicy, storeLocation, type PortalConfig } from './config';
import { outboxFor } from './outbox';
import { sitePortal, type SitePortal } from './site-portal';
import { DRAFT_COOKIE, storedFormDrafts } from '../../site/lib/form-draft';
import { FOLLOW_UP_COOKIE, storedFollowUpSessions } from '../../site/lib/follow-up-session';
import { SEARCH_COOKIE, storedSearches } from '../../site/lib/search-session';
import { codeIssuer } from '../follow-up/codes';
import { followUps } from '../follow-up/follow-up';
import { reminders as overdueReminders } from '../workspace/reminders';
import { workspaceRoutes } from '../workspace/routes';
import { open311Clients } from '../open311/clients';
import { open311Routes } from '../open311/routes';
import { caseSystemRoutes, caseSystemTokens } from '../workspace/case-systems';
import { createWorkspace, type Workspace } from '../workspace/workspace';

type AstroHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
  locals: { portal: SitePortal; workspace: Workspace; client: string },
) => Promise<void>;

export interface PortalOptions {
  /** The Astro build to serve (dist/ at the project root by default). */
  distDir: string;
  /** Tests move time; the server uses the real clock. */
  now?: () => number;
  /** Tests and benchmarks substitute a mailer; by default SMTP_URL or the pickup folder. */
  mailer?: Mailer;
  pollMs?: number;
}

export type Portal = Awaited<ReturnType<typeof startPortal>>;

/** Composes the store, routing, outbox and both channels, and serves them on one port. */
export async function startPortal(config: PortalConfig, options: PortalOptions) {
  const now = options.now ?? Date.now;
  const routing = loadRouting(config.partnershipFile, allDefinitions);
  useWording(wordingOf(routing.partnership));
  usePartnershipTimeZone(routing.partnership.timeZone);
  const definitions = allDefinitions.map((d) => resolveDefinition(d, routing));
  for (const definition of definitions) {
    checkDefinition(definition);
    checkWords(definition, englishCatalog, partnerCatalog);
  }
  // Reports, drafts and the matching secret live here: the portal's user alone may read it.
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(config.dataDir, 0o700);
  const store = await openStore(storeLocation(config), { reportKey: config.reportKey });
  const outbox = outboxFor(config, routing, store, definitions, { now, mailer: options.mailer, pollMs: options.pollMs, log });
  for (const warning of outbox.warnings) log.warn(warning);
  const { dispatcher, mailer } = outbox;
  const matchSecret = loadMatchSecret(config.dataDir, config.matchSecret);
  // Per client, per minute: in this process on SQLite; shared by every process on PostgreSQL.
  const shared = store.pool && sharedLimits(store.pool, matchSecret);
  const limit = (name: string, perMinute: number) =>
    shared ? shared(name, { limit: perMinute, windowMs: 60_000 }) : limiter({ limit: perMinute, windowMs: 60_000 }, now);
  const intakeDeps: IntakeDeps = {
    store,
    routing,
    now: () => new Date(now()),
    onStored: () => dispatcher.wake(),
    matchSecret,
    codes: codeIssuer(),
  };
  // Someone searching in words of danger or self-harm finds the safety page first.
  const safetyFirst = (locale: string, query: string) => {
    const lang = isLocale(locale) ? locale : 'en';
    if (!concernsIn(query, lang).some((c) => c === 'danger' || c === 'selfHarm')) return undefined;
    const t = translator(lang);
    return { url: lang === 'en' ? '/help' : `/${lang}/help`, title: t('help.page.title'), summary: t('help.page.intro'), reports: [], snippet: [{ text: t('help.page.intro'), match: false }], score: Infinity };
  };
  const guidance = loadGuidanceSearch(join(options.distDir, 'client', 'search-index'), locales, safetyFirst);
  const drafts = storedFormDrafts(store, config.formExpiryMs, now);
  const followUpSessions = storedFollowUpSessions(store, now);
  const searches = storedSearches(store, now);
  const follow = followUps({ store, routing, definitions, matchSecret: intakeDeps.matchSecret, now });
  // One allowance of reports per client, whether sent by the form or the API.
  const reportLimit = limit('reports', config.reportsPerMinute);
  const clientOf = (c: Context) => clientAddress(c, config.trustProxy);
  const site: SitePortal = sitePortal({
    definitions,
    submit: (definition, submission) => intake(intakeDeps, definition, submission),
    search: guidance.search,
    caseReview: routing.repeats.caseReview,
    partnership: routing,
    retention: retentionPolicy(config, routing.repeats),
    drafts,
    followUp: { ...follow, sessions: followUpSessions },
    searches,
    limits: {
      report: reportLimit,
      formStep: limit('form-steps', config.formStepsPerMinute),
      search: limit('searches', config.searchesPerMinute),
      followUp: limit('follow-up', config.formStepsPerMinute),
    },
    formMinMs: config.formMinSeconds * 1000,
    secureCookies: config.publicUrl.protocol === 'https:',
    now,
    logSending: (type, sending) => log.info({ form: type, ...sending }, 'form report'),
  });
  const workspace = createWorkspace({ store, routing, definitions, publicUrl: config.publicUrl, now });
  const reminders = overdueReminders({ store, routing, now, onPlanned: () => dispatcher.wake(), log });
  const { handler: astroHandler } = (await import(pathToFileURL(join(options.distDir, 'server', 'entry.mjs')).href)) as {
    handler: AstroHandler;
  };

  const app = new Hono<{ Bindings: HttpBindings }>();
  app.use(securityHeaders);
  app.use(requestLog(log));
  app.use(normalisePath);
  const chatUnderstanding = loadUnderstanding(config.understandingDir);
  const chat = createChatEngine({
    definitions,
    store: sqliteChatStore(store),
    submit: site.submit,
    search: guidance.search,
    now: () => new Date(now()),
    expiryMs: config.chatExpiryMs,
    caseReview: routing.repeats.caseReview,
    numbers: loadSafetyNumbers(config.helplinesFile),
    understanding: chatUnderstanding,
  });
  // Reports (the API here, the form's final "send" in its page) and chat turns are limited per client.
  const chatLimit = rateLimit(limit('chat', config.chatTurnsPerMinute), clientOf);
  const chatStore = sqliteChatStore(store);
  const withChecks = withFollowUp(chat, { follow, store: chatStore, understanding: chatUnderstanding, now: () => new Date(now()), expiryMs: config.chatExpiryMs });
  app.route('/api/chat', chatRoutes(createBotkit(withChecks), chatLimit));
  // Asked as the search box is typed in, so as generous as form steps.
  app.route('/api/search/urgent', urgentSearchRoutes(safetyFirst, rateLimit(limit('search-urgent', config.formStepsPerMinute), clientOf)));
  // Open311 clients are servers: their posts carry no Origin, so this comes before the CSRF check.
  app.route(
    '/open311/v2',
    open311Routes({
      definitions,
      clients: open311Clients(routing, config.secrets),
      group: routing.partnership.name,
      // No follow-up code: Open311 has nowhere to give one to the reporter.
      submit: (definition, answers, source) => intake({ ...intakeDeps, codes: undefined }, definition, { answers, locale: 'en', source }),
      status: (reference, source) => store.requestStatus(reference, source),
      // Per client, not per address: one FixMyStreet sends for a whole city.
      limit: limit('open311', config.open311RequestsPerMinute),
    }),
  );
  app.route('/api/case-systems', caseSystemRoutes(workspace.casework, caseSystemTokens(routing, config.secrets)));
  app.route('/api', createApi({ store, definitions, intake: intakeDeps, now, reportLimit: rateLimit(reportLimit, clientOf) }));
  // Whatever else is asked of the API answers in its one error shape, not as a page.
  app.all('/api/*', (c) => errorResponse(c, 404, [{ path: '', message: 'No such API endpoint' }]));
  // Exit this page forgets all that a browser's cookies hold on the server: a form's answers,
  // a report opened to follow it up, and what was searched for.
  const leftBehind = [
    { cookie: DRAFT_COOKIE, forget: drafts.forget },
    { cookie: FOLLOW_UP_COOKIE, forget: followUpSessions.forget },
    { cookie: SEARCH_COOKIE, forget: searches.forget },
  ];
  app.route('/exit', exitRoutes(config.exitUrl, leftBehind));
  // Form posts must come from the portal's own pages (its public URL, or the host they were served on).
  app.use(
    csrf({
      origin: (origin, c) => origin === config.publicUrl.origin || origin === new URL(c.req.url).origin,
    }),
  );
  app.use(formBodyLimit);
  app.route(
    '/partners',
    workspaceRoutes({
      workspace,
      publicUrl: config.publicUrl,
      secureCookies: config.publicUrl.protocol === 'https:',
      signInLimit: limit('sign-ins', config.signInsPerMinute),
      clientOf,
      log,
    }),
  );
  // Guidance pages, styles and search indexes go out as the build compressed them (brotli or
  // gzip); what is made per request is compressed as it goes: the API here, pages below.
  app.use(compress());
  app.use(staticFiles(join(options.distDir, 'client')));
  app.all('*', async function astroPages(c) {
    compressPageResponse(c.env.incoming, c.env.outgoing);
    await astroHandler(
      c.env.incoming,
      c.env.outgoing,
      () => {
        c.env.outgoing.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Page not found');
      },
      { portal: site, workspace, client: clientOf(c) },
    );
    return RESPONSE_ALREADY_SENT;
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolveServer) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolveServer(s));
  });
  dispatcher.start();
  reminders.start();
  const retention = startRetention(store, retentionPolicy(config, routing.repeats), now, mailer);
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    port,
    store,
    dispatcher,
    reminders,
    workspace,
    async close(): Promise<void> {
      await closeServer(server as Server);
      await retention.stop();
      await reminders.stop();
      await dispatcher.stop();
      outbox.close();
      await store.close();
    },
  };
}

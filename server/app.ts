import { untrustedProxyWarning } from './ops/untrusted-proxy.ts';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { challengeApi } from './abuse/challenge-route.ts';
import { limitPerIp } from './abuse/ip-limit.ts';
import { createGuard } from './abuse/submission-guard.ts';
import { auditApi } from './audit/routes.ts';
import { authApi } from './auth/routes.ts';
import type { Clock } from './clock.ts';
import { type Db, dbKind } from './db/connection.ts';
import type { Config } from './env.ts';
import { feedbackApi } from './feedback/routes.ts';
import { hostedFeedback } from './hosted/routes.ts';
import { legalPages } from './hosted/legal.ts';
import { keepConsentText } from './privacy/consent-texts.ts';
import { ApiError } from './http/api-error.ts';
import { allowOnly } from './http/allow-only.ts';
import { apiCors } from './http/api-cors.ts';
import { logErrors } from './ops/log-errors.ts';
import { guardOrigins } from './http/origin-guard.ts';
import { limitBodies } from './http/body-limit.ts';
import { removeUploads } from './http/upload-dir.ts';
import { pageCompany } from './http/page-layout.ts';
import { pagePolicy } from './http/page-policy.ts';
import { privateAnswers } from './http/private-answers.ts';
import { refuseControls } from './http/refuse-controls.ts';
import { consoleApp, demoSite, widgetAssets, widgetFastPath } from './http/static-assets.ts';
import { surveyPages } from './complaints/survey-page.ts';
import { consoleApi } from './console/routes.ts';
import { ratingPages } from './ratings/pages.ts';
import { directoryApi, ratingsApi } from './ratings/routes.ts';
import { signaturePage } from './ratings/signature-page.ts';
import { reviewsPage } from './reviews/page.ts';
import { reportsApi } from './reports/api.ts';
import { reviewsApi } from './reviews/routes.ts';
import { usersApi } from './users/routes.ts';
import { personsApi } from './privacy/routes.ts';
import { type Logger, logFailure } from './ops/logger.ts';
import { createMetrics, type Metrics } from './ops/metrics.ts';
import { metricsHandler } from './ops/metrics-route.ts';
import { observeRequests } from './ops/observe-requests.ts';
import { readiness } from './ops/readiness.ts';

export interface AppDeps {
  db: Db;
  config: Config;
  clock: Clock;
  /** Called after a transaction that queued e-mail has committed: wakes the outbox worker. */
  onMailQueued?: () => void;
  /** The instance's metrics (server/ops/metrics.ts); a fresh registry when not given. */
  metrics?: Metrics;
  /** The request log; none when not given (tests). */
  logger?: Logger;
}

/**
 * The application as a server starts it: what requests would otherwise read from the database on
 * first use is read now. That is the proof-of-work key (server/abuse/hmac-key.ts), which every
 * form page and challenge needs: read on first use, a page asked for right after a restart while
 * another process holds SQLite's write lock waited on the lock and could answer 503. A key that
 * can't be read now is read on first use, as before.
 * @example const app = await startApp({ db, config, clock: systemClock })
 */
export async function startApp(deps: AppDeps) {
  const guard = createGuard(deps);
  await guard
    .key()
    .catch((err) => logFailure(deps.logger, 'abuse', err, 'proof-of-work key not read at start', 'warn'));
  // The consent text of this version kept, as clients agree to it; a failure is no reason not to start.
  const changed = await keepConsentText(deps.db, deps.clock, deps.config.companyName, deps.config.consent).catch(
    (err) => {
      logFailure(deps.logger, 'privacy', err, 'consent text not kept at start', 'warn');
      return null;
    },
  );
  if (changed) deps.logger?.warn(changed);
  return createApp(deps, guard);
}

/** Builds the whole HTTP application from its dependencies; nothing here reads globals. */
export function createApp(deps: AppDeps, guard = createGuard(deps)) {
  const metrics = deps.metrics ?? createMetrics(deps.db, deps.clock);
  const intake = {
    db: deps.db,
    config: deps.config,
    clock: deps.clock,
    onMailQueued: deps.onMailQueued ?? (() => {}),
    onStored: metrics.submissionStored,
    logger: deps.logger,
    guard,
  };
  const origins = deps.config.allowedOrigins;
  const app = new Hono();

  const secure = secureHeaders({
    crossOriginResourcePolicy: false,
    crossOriginOpenerPolicy: false,
    xFrameOptions: false,
    contentSecurityPolicy: undefined,
    // Not `no-referrer`: with it Chromium sends `Origin: null` on our own pages' form posts, and
    // with ALLOWED_ORIGINS set the origin guard refused every /f and /r sent without JavaScript.
    // Other sites still get no referrer, so no survey token or card address leaves Otklik.
    referrerPolicy: 'same-origin',
    // HSTS on plain http would pin a browser to an https the server may not have.
    strictTransportSecurity: deps.config.publicUrl?.startsWith('https://')
      ? 'max-age=15552000; includeSubDomains'
      : false,
  });

  // First, so that every answer (refusals too) carries a request id and is counted and timed.
  app.use('*', observeRequests({ metrics, logger: deps.logger }));
  // The widget's files, asked for on every page of the company's sites, answered from memory with
  // the secure headers and nothing else of the chain below, which has nothing to do for them.
  app.route('/', widgetFastPath(secure));

  // Every server-rendered page names the company (http/page-layout.ts).
  app.use('*', untrustedProxyWarning(deps.config.trustProxy, deps.logger));
  app.use('*', pageCompany(deps.config.companyName));
  app.use('*', secure);
  app.use('*', pagePolicy({ publicUrl: deps.config.publicUrl }));
  // Before any route: hostile addresses and foreign origins are refused at the root, once.
  app.use('*', refuseControls());
  app.use('*', guardOrigins({ ...deps, allowedOrigins: origins, publicUrl: deps.config.publicUrl }));
  app.use('/api/v1/*', apiCors(origins));
  // Bodies bounded before any route reads one (after CORS: a site's widget reads the 413); uploads removed however it ends.
  app.use('*', removeUploads(), limitBodies(deps));

  // Every way a visitor can submit counts against one allowance per IP, in the database: the APIs
  // here, before the body is read; the hosted pages (/f, /r/:slug) in their routes, which show the
  // refused form again with what was typed.
  const limit = limitPerIp(deps);
  for (const path of ['/api/v1/feedback', '/api/v1/ratings']) app.post(path, limit);
  app.route('/api/v1/challenge', challengeApi({ guard, clock: deps.clock }));
  app.route('/api/v1/feedback', feedbackApi(intake));
  app.route('/api/v1/ratings', ratingsApi(intake));
  app.route('/api/v1/reviews', reviewsApi({ db: deps.db }));
  app.use('/api/admin/*', privateAnswers());
  app.route('/api/admin', authApi({ db: deps.db, clock: deps.clock, config: deps.config, logger: deps.logger }));
  app.route('/api/admin/users', usersApi({ db: deps.db, clock: deps.clock, config: deps.config }));
  app.route('/api/admin/audit', auditApi({ db: deps.db, clock: deps.clock }));
  app.route('/api/admin/persons', personsApi({ db: deps.db, clock: deps.clock, config: deps.config }));
  const consoleDeps = {
    db: deps.db,
    clock: deps.clock,
    config: deps.config,
    onMailQueued: intake.onMailQueued,
    logger: deps.logger,
  };
  app.route('/api/admin', consoleApi(consoleDeps));
  app.route('/api/admin/reports', reportsApi(consoleDeps));
  app.route(
    '/api/v1',
    directoryApi({ db: deps.db, publicUrl: deps.config.publicUrl, trustProxy: deps.config.trustProxy }),
  );
  app.route('/', widgetAssets());
  app.route('/f', hostedFeedback(intake));
  app.route('/r', ratingPages(intake));
  app.route('/reviews', reviewsPage({ db: deps.db }));
  app.route('/s', signaturePage({ db: deps.db, publicUrl: deps.config.publicUrl, trustProxy: deps.config.trustProxy }));
  app.route('/legal', legalPages(deps.config.companyName, deps.config.consent, deps.db));
  // The survey shows the client's complaint: kept by no browser or proxy cache either.
  app.use('/survey/*', privateAnswers());
  app.route('/survey', surveyPages({ db: deps.db, clock: deps.clock }));
  app.route('/admin', consoleApp());
  if (deps.config.demo) app.route('/demo', demoSite());

  // The public API's addresses answer another method with 405 and what they take, not 404.
  app.all('/api/v1/feedback', allowOnly('POST'));
  app.all('/api/v1/ratings', allowOnly('POST'));
  for (const path of [
    '/api/v1/reviews',
    '/api/v1/challenge',
    '/api/v1/employees/:slug',
    '/api/v1/employees/:slug/signature.html',
    '/api/v1/employees/:slug/signature.txt',
    '/api/v1/subjects/:slug',
  ])
    app.all(path, allowOnly('GET', 'HEAD'));

  // The process is up: nothing more. A liveness check that asked the database too had a working
  // instance restarted (or marked unhealthy) whenever the database blinked; /readyz says that.
  app.get('/healthz', (c) => c.json({ ok: true, database: dbKind(deps.db) }));
  app.get('/readyz', async (c) => {
    const r = await readiness(deps.db);
    return r.ready ? c.json({ ready: true }) : c.json(r, 503);
  });
  app.get('/metrics', metricsHandler(metrics, deps.config.metricsToken));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/', (c) => c.redirect(deps.config.demo ? '/demo/' : '/f'));

  app.notFound(() => {
    throw new ApiError(404, 'not_found');
  });
  app.onError(logErrors(deps.logger));
  return app;
}

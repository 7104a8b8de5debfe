import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { isAllowedOrigin } from '../auth/origin';
import { sendError, sendJson } from './respond';
import { Router } from './router';
import { addAccountRoutes } from './routes/accountRoutes';
import { addAgreementRoutes } from './routes/agreementRoutes';
import { addVersionRoutes } from './routes/versionRoutes';
import { addThreadRoutes } from './routes/threadRoutes';
import { addItineraryRoutes } from './routes/itineraryRoutes';
import { addPromptRoutes } from './routes/promptRoutes';
import { addSigningRoutes } from './routes/signingRoutes';
import { addVerifyRoutes } from './routes/verifyRoutes';
import type { ApiDeps } from './routes/deps';
import { addInviteRoutes } from './routes/inviteRoutes';
import { addMemberRoutes } from './routes/memberRoutes';
import { addTranslationRoutes } from './routes/translationRoutes';
import { addPasswordResetRoutes } from './routes/passwordResetRoutes';
import { addAddressAndLeavingRoutes } from './routes/leavingRoutes';
import { addPartnershipRoutes } from './routes/partnershipRoutes';
import { setSecurityHeaders } from './securityHeaders';
import { serveClient } from './staticFiles';
import type { Log } from '../observability/log';
import { type Metrics, serveMetrics } from '../observability/metrics';

export interface AppOptions {
  clientDir: string;
  version: string;
  /** Reported by /api/health and /api/ready: which engine holds the data, and whether it answers. */
  databaseEngine: 'sqlite' | 'postgres';
  isDatabaseReachable: () => Promise<boolean>;
  /** Null when this node runs alone (no REDIS_URL). */
  isRedisReachable: (() => Promise<boolean>) | null;
  metrics: Metrics;
  /** GET /metrics wants it as a bearer token; null: metrics are off. */
  metricsToken: string | null;
  log: Log;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The HTTP side of the server: `/api/*` routes, and the built client for everything else. */
export function createApp(
  options: AppOptions,
  deps: ApiDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  const readiness = async () => {
    const isFailing = deps.registry.isStorageFailing;
    const isReachable = await options.isDatabaseReachable();
    const redis = options.isRedisReachable ? await options.isRedisReachable() : null;
    return {
      ok: !isFailing && isReachable && redis !== false,
      storage: isFailing ? 'failing' : 'ok',
      database: { engine: options.databaseEngine, reachable: isReachable },
      ...(redis === null ? {} : { redis: { reachable: redis } }),
      version: options.version,
    };
  };
  const router = new Router()
    // Liveness: 200 while the process answers, whatever storage does (restarting would not
    // mend a full disk); the body says how storage is.
    .add('GET', '/api/health', async (ctx) => {
      sendJson(ctx.res, 200, { ...(await readiness()), live: true });
    })
    // Readiness: 503 while storing fails or the database or Redis does not answer, so a load
    // balancer sends people elsewhere.
    .add('GET', '/api/ready', async (ctx) => {
      const ready = await readiness();
      sendJson(ctx.res, ready.ok ? 200 : 503, ready);
    });
  addAccountRoutes(router, deps);
  addPartnershipRoutes(router, deps);
  addInviteRoutes(router, deps);
  addMemberRoutes(router, deps);
  addAgreementRoutes(router, deps);
  addVersionRoutes(router, deps);
  addThreadRoutes(router, deps);
  addItineraryRoutes(router, deps);
  addPromptRoutes(router, deps);
  addTranslationRoutes(router, deps);
  addPasswordResetRoutes(router, deps);
  addAddressAndLeavingRoutes(router, deps);
  addSigningRoutes(router, deps);
  addVerifyRoutes(router, deps);
  const client = serveClient(options.clientDir);

  const isHttps = deps.publicUrl.startsWith('https:');

  const handle = (
    req: IncomingMessage,
    res: ServerResponse,
    fail: (error: unknown) => void,
    named: (route: string, partnership?: string) => void,
  ) => {
    setSecurityHeaders(res, isHttps);
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/metrics') {
      named('/metrics');
      serveMetrics(options.metrics, options.metricsToken, req, res).catch(fail);
      return;
    }
    if (!pathname.startsWith('/api/')) {
      named('client');
      client(req, res);
      return;
    }
    const method = req.method ?? 'GET';
    if (!SAFE_METHODS.has(method) && !isAllowedOrigin(req, deps.publicUrl)) {
      fail(new AppError(ErrorCode.FORBIDDEN, 'Cross-site requests are not allowed.'));
      return;
    }
    const route = router.match(method, pathname);
    if (route === 'not-found') {
      fail(new AppError(ErrorCode.NOT_FOUND, `No API route ${method} ${pathname}.`));
    } else if (route === 'method-not-allowed') {
      fail(new AppError(ErrorCode.METHOD_NOT_ALLOWED, `${method} is not allowed on ${pathname}.`));
    } else if (route === 'bad-escape') {
      fail(new AppError(ErrorCode.BAD_REQUEST, 'The address has a malformed %-escape.'));
    } else {
      named(
        route.path,
        route.path.startsWith('/api/partnerships/:id') ? route.params.id : undefined,
      );
      route.handler({ req, res, params: route.params }).catch(fail);
    }
  };

  return (req, res) => {
    const requestId = randomUUID();
    const startedAt = performance.now();
    // Unmatched API addresses count as one route: a scanner cannot mint label values.
    let route = 'unmatched';
    let partnership: string | undefined;
    res.setHeader('X-Request-Id', requestId);
    res.once('finish', () => {
      options.metrics.answered(route, res.statusCode);
      options.log.detail('answered', {
        requestId,
        method: req.method ?? '?',
        route,
        partnership,
        status: res.statusCode,
        ms: Math.round(performance.now() - startedAt),
      });
    });
    // Whatever a request holds, it answers: an AppError with its status, anything else with
    // 500 and the request's id, which is also in the log. The process keeps serving.
    const fail = (error: unknown) => {
      let answer = error instanceof AppError ? error : null;
      if (!answer) {
        options.log(`${req.method ?? '?'} ${route} failed`, error, { requestId, partnership });
        answer = new AppError(
          ErrorCode.INTERNAL,
          `Something went wrong on the server (error ${requestId}).`,
        );
      }
      if (res.headersSent) return void res.destroy();
      sendError(res, answer);
    };
    try {
      handle(req, res, fail, (name, id) => {
        route = name;
        partnership = id;
      });
    } catch (error) {
      fail(error);
    }
  };
}

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
import { addPartnershipRoutes } from './routes/partnershipRoutes';
import { setSecurityHeaders } from './securityHeaders';
import { serveClient } from './staticFiles';

export interface AppOptions {
  clientDir: string;
  version: string;
  /** Reported by /api/health: which engine holds the data, and whether it answers now. */
  databaseEngine: 'sqlite' | 'postgres';
  isDatabaseReachable: () => Promise<boolean>;
  /** Null when this node runs alone (no REDIS_URL). */
  isRedisReachable: (() => Promise<boolean>) | null;
  log: (message: string, error?: unknown) => void;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The HTTP side of the server: `/api/*` routes, and the built client for everything else. */
export function createApp(
  options: AppOptions,
  deps: ApiDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  const router = new Router().add('GET', '/api/health', async (ctx) => {
    // 503 while storing fails or the database does not answer, so a load balancer sees it.
    const isFailing = deps.registry.isStorageFailing;
    const isReachable = await options.isDatabaseReachable();
    const redis = options.isRedisReachable ? await options.isRedisReachable() : null;
    const ok = !isFailing && isReachable && redis !== false;
    sendJson(ctx.res, ok ? 200 : 503, {
      ok,
      storage: isFailing ? 'failing' : 'ok',
      database: { engine: options.databaseEngine, reachable: isReachable },
      ...(redis === null ? {} : { redis: { reachable: redis } }),
      version: options.version,
    });
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
  addSigningRoutes(router, deps);
  addVerifyRoutes(router, deps);
  const client = serveClient(options.clientDir);

  const isHttps = deps.publicUrl.startsWith('https:');

  const handle = (req: IncomingMessage, res: ServerResponse, fail: (error: unknown) => void) => {
    setSecurityHeaders(res, isHttps);
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!pathname.startsWith('/api/')) {
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
      route.handler({ req, res, params: route.params }).catch(fail);
    }
  };

  return (req, res) => {
    // Whatever a request holds, it answers: an AppError with its status, anything else with
    // 500 and an id that is also in the log. The process keeps serving.
    const fail = (error: unknown) => {
      let answer = error instanceof AppError ? error : null;
      if (!answer) {
        const errorId = randomUUID();
        options.log(`${req.method ?? '?'} ${req.url ?? '?'} failed (error ${errorId})`, error);
        answer = new AppError(
          ErrorCode.INTERNAL,
          `Something went wrong on the server (error ${errorId}).`,
        );
      }
      if (res.headersSent) return void res.destroy();
      sendError(res, answer);
    };
    try {
      handle(req, res, fail);
    } catch (error) {
      fail(error);
    }
  };
}

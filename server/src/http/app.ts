import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { sendError, sendJson } from './respond';
import { serveClient } from './staticFiles';

/** A handler for one API route. Throw an AppError to answer with an error. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface AppOptions {
  clientDir: string;
  version: string;
  log: (message: string, error?: unknown) => void;
}

/** The HTTP side of the server: `/api/*` routes, and the built client for everything else. */
export function createApp(
  options: AppOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const routes = new Map<string, RouteHandler>([
    ['GET /api/health', (_req, res) => sendJson(res, 200, { ok: true, version: options.version })],
  ]);
  const client = serveClient(options.clientDir);

  return (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!pathname.startsWith('/api/')) {
      client(req, res);
      return;
    }
    const route = routes.get(`${req.method ?? 'GET'} ${pathname}`);
    if (!route) {
      sendError(res, new AppError(ErrorCode.NOT_FOUND, `No API route ${req.method} ${pathname}.`));
      return;
    }
    Promise.resolve()
      .then(() => route(req, res))
      .catch((error: unknown) => {
        if (!(error instanceof AppError)) options.log(`${req.method} ${pathname} failed`, error);
        if (res.headersSent) return void res.destroy();
        sendError(
          res,
          error instanceof AppError
            ? error
            : new AppError(ErrorCode.INTERNAL, 'Something went wrong on the server.'),
        );
      });
  };
}

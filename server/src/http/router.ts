import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a route handler gets: the request, the answer, and the `:params` of its path. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
}

/** A handler for one route. Throw an AppError to answer with an error. */
export type Handler = (ctx: RequestContext) => Promise<void>;

interface Route {
  method: string;
  /** As added (`/api/partnerships/:id`): logs and metrics name routes by it, not by address. */
  path: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

/** Matches `METHOD /path/:param` routes; params never contain a slash. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, path: string, handler: Handler): this {
    const names: string[] = [];
    const source = path.replace(/:(\w+)/g, (_match, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ method, path, pattern: new RegExp(`^${source}$`), names, handler });
    return this;
  }

  /** The handler and params for a request, or why there is none. */
  match(
    method: string,
    pathname: string,
  ):
    | { path: string; handler: Handler; params: Record<string, string> }
    | 'not-found'
    | 'method-not-allowed'
    | 'bad-escape' {
    let isPathKnown = false;
    for (const route of this.routes) {
      const found = route.pattern.exec(pathname);
      if (!found) continue;
      isPathKnown = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      for (const [i, name] of route.names.entries()) {
        const value = decodeParam(found[i + 1] ?? '');
        if (value === null) return 'bad-escape';
        params[name] = value;
      }
      return { path: route.path, handler: route.handler, params };
    }
    return isPathKnown ? 'method-not-allowed' : 'not-found';
  }
}

/** A path segment decoded, or null for a malformed escape such as `%E0%A4%A`. */
function decodeParam(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

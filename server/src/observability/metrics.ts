import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import client from 'prom-client';

/** What the server measures; each server has its own registry (tests run several). */
export interface Metrics {
  /** A batch of updates was appended to the store, in `seconds`. */
  stored(updates: number, seconds: number): void;
  /** An update reached the room's peers `seconds` after it arrived. */
  fannedOut(seconds: number): void;
  /** A peer's update was refused (`readOnly`, `rules`, `documentFull`, `tooFast`…). */
  refused(reason: string): void;
  /** An HTTP answer, by route pattern (never the address itself: it may hold a token). */
  answered(route: string, status: number): void;
  /** Figures read when scraped: open connections, loaded rooms. */
  watch(name: 'connections' | 'rooms', help: string, read: () => number): void;
  /** The Prometheus text exposition. */
  render(): Promise<{ contentType: string; body: string }>;
}

export function createMetrics(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'tandem_' });
  const updates = new client.Counter({
    name: 'tandem_updates_stored_total',
    help: 'Document updates stored (rate() gives updates per second).',
    registers: [registry],
  });
  const storeSeconds = new client.Histogram({
    name: 'tandem_store_seconds',
    help: 'Time to append one batch of updates to the store.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const fanOutSeconds = new client.Histogram({
    name: 'tandem_fanout_seconds',
    help: 'Time from an update arriving to its being sent to the room (stored first).',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const refused = new client.Counter({
    name: 'tandem_refused_updates_total',
    help: 'Updates the server refused, by reason.',
    labelNames: ['reason'],
    registers: [registry],
  });
  const responses = new client.Counter({
    name: 'tandem_http_responses_total',
    help: 'HTTP responses by route pattern and status.',
    labelNames: ['route', 'status'],
    registers: [registry],
  });
  return {
    stored: (count, seconds) => {
      updates.inc(count);
      storeSeconds.observe(seconds);
    },
    fannedOut: (seconds) => fanOutSeconds.observe(seconds),
    refused: (reason) => refused.inc({ reason }),
    answered: (route, status) => responses.inc({ route, status: String(status) }),
    watch: (name, help, read) => {
      new client.Gauge({
        name: `tandem_${name}`,
        help,
        registers: [registry],
        collect() {
          this.set(read());
        },
      });
    },
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}

/**
 * `GET /metrics` for a scraper holding `Authorization: Bearer <METRICS_TOKEN>`; 404 while no
 * token is set (metrics are off), 401 for a missing or wrong token.
 */
export async function serveMetrics(
  metrics: Metrics,
  token: string | null,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const answer = (status: number, body: string, type = 'text/plain; charset=utf-8') => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(body);
  };
  if (!token) return answer(404, 'Metrics are off: set METRICS_TOKEN to turn them on.\n');
  if (req.method !== 'GET' && req.method !== 'HEAD') return answer(405, 'GET only.\n');
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  if (!sameSecret(given, token)) {
    res.setHeader('WWW-Authenticate', 'Bearer');
    return answer(401, 'A valid metrics token is needed.\n');
  }
  const { contentType, body } = await metrics.render();
  answer(200, body, contentType);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

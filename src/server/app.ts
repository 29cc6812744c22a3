// The team server as one Hono app: security headers on every answer, the session API under
// /api/, the built game everywhere else. Built from its parts, so tests run it in-process.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { apiRoutes } from './api.ts';
import type { ServerContent } from './content.ts';
import type { Db } from './db.ts';
import { apiError, send } from './errors.ts';
import { RateLimiter, type RateLimit } from './rate-limit.ts';

export type AppOptions = {
  /** The built game's folder; a missing one is said on every page, the API still works. */
  readonly dist: string;
  /** Largest request body, bytes. */
  readonly maxBody: number;
  /** Per client address, all API requests; null: no limit (benchmarks). */
  readonly rateLimit: RateLimit | null;
  /** Per client address, sessions created (a stricter bucket). */
  readonly createLimit: RateLimit | null;
  /** Take the client's address from X-Forwarded-For (behind a reverse proxy you run). */
  readonly trustProxy: boolean;
  /** The address trainees open (`https://host`), when the server sits behind a proxy; else the request's origin. */
  readonly publicUrl: string | null;
  /** This machine's address on the local network, for join links when the trainer browses from localhost. */
  readonly lanAddress: string | null;
  /** The wall clock (tests move it). */
  readonly now: () => Date;
};

export const DEFAULT_OPTIONS: AppOptions = {
  dist: 'dist',
  maxBody: 256 * 1024,
  rateLimit: { burst: 300, perSecond: 20 },
  createLimit: { burst: 20, perSecond: 1 / 60 },
  trustProxy: false,
  publicUrl: null,
  lanAddress: null,
  now: () => new Date(),
};

/**
 * The built page's policy (vite.config.ts puts the same one in a meta tag), plus what only a
 * header can say: no framing. No inline script or style, no eval; the API is same-origin.
 */
export const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  mediaSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

export function createApp(db: Db, content: ServerContent, options: AppOptions): Hono {
  const app = new Hono();
  app.use(
    secureHeaders({
      contentSecurityPolicy: CSP,
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
      // Served on a LAN over plain HTTP as often as behind TLS: HSTS is the TLS proxy's to send.
      strictTransportSecurity: false,
    }),
  );
  app.onError((err, c) => {
    console.error(err);
    return send(c, apiError(500, 'internal', 'the server failed on this request; it has been logged'));
  });

  const limiter = options.rateLimit && new RateLimiter(options.rateLimit);
  app.use('/api/*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    const ip = clientAddress(c, options.trustProxy);
    if (limiter && !limiter.take(ip, Date.now())) {
      c.header('Retry-After', String(limiter.retryAfter(ip)));
      return send(c, apiError(429, 'rateLimited', 'too many requests from this address: wait a moment and try again'));
    }
    return next();
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: options.maxBody,
      onError: (c) =>
        send(c, apiError(413, 'tooLarge', `the request body is larger than ${Math.round(options.maxBody / 1024)} kB`)),
    }),
  );
  app.route(
    '/api',
    apiRoutes(db, content, options, (c) => clientAddress(c, options.trustProxy)),
  );
  app.all('/api/*', (c) => send(c, apiError(404, 'notFound', `no such API route: ${c.req.method} ${c.req.path}`)));
  staticGame(app, options.dist);
  return app;
}

/** The built game: hashed assets cached for good, the page itself revalidated on each load. */
function staticGame(app: Hono, dist: string): void {
  if (!existsSync(join(dist, 'index.html'))) {
    app.get('*', (c) =>
      c.text(`The game is not built (no ${join(dist, 'index.html')}): run npm run build first.\n`, 503),
    );
    return;
  }
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-cache');
  });
  app.use('*', serveStatic({ root: dist, precompressed: true }));
}

/** The caller's address: the connection's, or the last hop a trusted proxy recorded. */
function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const last = hops[hops.length - 1];
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local'; // In-process requests (tests) have no socket.
  }
}

// The server's settings: flags first, then the environment, then defaults.
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { ROOT } from '../cli/repo.ts';
import { DEFAULT_OPTIONS, type AppOptions } from './app.ts';
import type { DbTarget } from './db.ts';

export type ServeConfig = {
  readonly host: string;
  readonly port: number;
  readonly target: DbTarget;
  readonly app: AppOptions;
};

/** The configuration from flags, then the environment, then defaults. */
export function serveConfig(args: readonly string[], env: NodeJS.ProcessEnv): ServeConfig {
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const port = Number(flag('port') ?? env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${flag('port') ?? env.PORT}`);
  const url = flag('database-url') ?? env.DATABASE_URL;
  const off = args.includes('--no-rate-limit') || env.HOTLINER_RATE_LIMIT === 'off';
  return {
    host: flag('host') ?? env.HOST ?? '0.0.0.0',
    port,
    target: url ? { url } : { file: resolve(flag('db') ?? env.HOTLINER_DB ?? 'hotliner.db') },
    app: {
      ...DEFAULT_OPTIONS,
      dist: resolve(flag('dist') ?? resolve(ROOT, 'dist')),
      rateLimit: off ? null : DEFAULT_OPTIONS.rateLimit,
      createLimit: off ? null : DEFAULT_OPTIONS.createLimit,
      trustProxy: args.includes('--trust-proxy') || env.HOTLINER_TRUST_PROXY === '1',
      lanAddress: lanAddress(),
      publicUrl: (flag('public-url') ?? env.HOTLINER_PUBLIC_URL ?? '').replace(/\/+$/, '') || null,
    },
  };
}

/** The first IPv4 address of this machine on a network (not loopback), or null. */
export function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return null;
}

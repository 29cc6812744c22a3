// The server's settings and join links.
import { describe, expect, it } from 'vitest';
import { joinOrigin } from '../../src/server/api.ts';
import { serveConfig } from '../../src/server/config.ts';

describe('serve configuration', () => {
  it('takes flags over the environment over defaults', () => {
    const d = serveConfig([], {});
    expect(d).toMatchObject({ host: '0.0.0.0', port: 8080 });
    expect('file' in d.target && d.target.file.endsWith('hotliner.db')).toBe(true);
    const e = serveConfig([], { HOST: '127.0.0.1', PORT: '9000', HOTLINER_DB: '/tmp/x.db' });
    expect(e).toMatchObject({ host: '127.0.0.1', port: 9000, target: { file: '/tmp/x.db' } });
    const f = serveConfig(['--port', '7000', '--host', '::', '--db', '/tmp/y.db'], { PORT: '9000' });
    expect(f).toMatchObject({ host: '::', port: 7000, target: { file: '/tmp/y.db' } });
    expect(serveConfig([], { DATABASE_URL: 'postgres://u@h/db' }).target).toEqual({ url: 'postgres://u@h/db' });
    expect(serveConfig(['--no-rate-limit'], {}).app.rateLimit).toBeNull();
    expect(serveConfig([], { HOTLINER_PUBLIC_URL: 'https://train.example/' }).app.publicUrl).toBe(
      'https://train.example',
    );
    expect(() => serveConfig(['--port', 'eighty'], {})).toThrow('not a port');
  });

  it('gives trainees a reachable join link when the trainer browses from this machine', () => {
    expect(joinOrigin(new URL('http://localhost:8080/api/sessions'), '192.168.1.20')).toBe('http://192.168.1.20:8080');
    expect(joinOrigin(new URL('http://127.0.0.1:8080/x'), null)).toBe('http://127.0.0.1:8080');
    expect(joinOrigin(new URL('http://trainer-pc:8080/x'), '192.168.1.20')).toBe('http://trainer-pc:8080');
  });
});

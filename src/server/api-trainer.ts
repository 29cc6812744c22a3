// The trainer's side of a session: the room (roster and results) and its exports.
import type { Context, Hono } from 'hono';
import { isLang } from '../i18n/lang.ts';
import type { ApiContext } from './api.ts';
import { apiError, send } from './errors.ts';
import { exportTable, toCsv, toXlsx } from './export.ts';
import { asTrainer } from './guards.ts';
import * as store from './store.ts';
import { resultView, roomView } from './views.ts';
import { sessionContent } from './session-calls.ts';

export function trainerRoutes(api: Hono, { db, content }: ApiContext): void {
  api.get('/sessions/:id/room', async (c) => {
    const s = await asTrainer(db, c);
    if ('error' in s) return send(c, s);
    const [trainees, results] = await Promise.all([store.traineesOf(db, s.id), store.resultsOf(db, s.id)]);
    return c.json(roomView(s, trainees, results, await sessionContent(db, content, s.id)));
  });

  /**
   * One result whole, for the trainer to open its debrief and replay: the result as the room shows
   * it, with the log the server replayed and the scorecard it computed.
   */
  api.get('/sessions/:id/results/:resultId', async (c) => {
    const s = await asTrainer(db, c);
    if ('error' in s) return send(c, s);
    const r = await store.resultById(db, c.req.param('resultId'));
    if (!r || r.session_id !== s.id) return send(c, apiError(404, 'notFound', 'No such result in this session.'));
    return c.json({
      ...resultView(r),
      log: JSON.parse(r.log) as unknown,
      scorecard: JSON.parse(r.scorecard) as unknown,
    });
  });

  /** The room as a table (`?lang=fr|en` for the titles; CSV `?sep=;` for a French Excel). */
  const exportRoute = (format: 'csv' | 'xlsx') => async (c: Context) => {
    const s = await asTrainer(db, c);
    if ('error' in s) return send(c, s);
    const lang = c.req.query('lang');
    const [trainees, results] = await Promise.all([store.traineesOf(db, s.id), store.resultsOf(db, s.id)]);
    const table = exportTable(
      s,
      trainees,
      results,
      await sessionContent(db, content, s.id),
      isLang(lang) ? lang : 'en',
    );
    c.header('Content-Disposition', `attachment; filename="hotliner-${s.code}.${format}"`);
    if (format === 'csv')
      return c.body(toCsv(table, c.req.query('sep') === ';' ? ';' : ','), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
      });
    const xlsx = await toXlsx(table, s.name);
    return c.body(new Uint8Array(xlsx), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  };
  api.get('/sessions/:id/export.csv', exportRoute('csv'));
  api.get('/sessions/:id/export.xlsx', exportRoute('xlsx'));
}

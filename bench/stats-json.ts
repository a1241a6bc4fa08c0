import http from 'node:http';
import Database from 'better-sqlite3';
import { figure, now, quantile, type Figure } from './harness.js';
import { expectJson, httpRequest } from './http.js';

/**
 * `GET /api/stats?groupBy=day` for the seeded year, against the floor under it: a bare SQL
 * aggregate (tickets and their mean wait per day) over the same rows, in this process. Alternating
 * rounds, each figure the median of its rounds, so that both see the same machine.
 */
export async function benchStatsJson(
  url: string,
  cookie: string,
  file: string,
  range: { from: string; to: string },
  rounds: number,
  label: string,
): Promise<{ figures: Figure[]; line: string }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const aggregate = db.prepare<[string, string], { office_day: string; tickets: number; wait: number | null }>(
    'SELECT office_day, count(*) AS tickets, avg(called_at - arrived_at) AS wait FROM tickets WHERE office_day BETWEEN ? AND ? GROUP BY office_day',
  );
  const apiS: number[] = [];
  const sqlS: number[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      let start = now();
      const days = aggregate.all(range.from, range.to);
      sqlS.push((now() - start) / 1000);
      if (days.length === 0) throw new Error('the bare aggregate found no days');

      start = now();
      const result = await httpRequest(agent, `${url}/api/stats?from=${range.from}&to=${range.to}&groupBy=day`, { headers: { cookie }, timeoutMs: 120_000 });
      apiS.push((now() - start) / 1000);
      expectJson(result, 200, 'statistics of the year');
    }
  } finally {
    db.close();
    agent.destroy();
  }
  const api = quantile(apiS, 0.5);
  const sql = quantile(sqlS, 0.5);
  return {
    figures: [figure(`stats_json_s_${label}`, api, 's', sql)],
    line: `stats: /api/stats?groupBy=day ${apiS.map((s) => s.toFixed(2)).join(' ')} s, bare aggregate ${sqlS.map((s) => s.toFixed(2)).join(' ')} s`,
  };
}

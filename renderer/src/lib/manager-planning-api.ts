import type { BacktestView, PlanFiguresView, RecommendBody, RecommendationView, SimulateBody } from '../../../contract/planning.js';
import { request } from './api.js';

export type { BacktestView, PlanFiguresView, RecommendationView };

/** The day planned: a weekday of the last weeks, or a coming date (its weekday, plus its own bookings). */
export type PlanDay = { weekday: number } | { date: string };

/** Every question reads the weekday's history; 20 simulated days answer in about a second. */
const DAYS = 20;
const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
const history = (day: PlanDay) => ({ arrivals: { kind: 'history' as const, ...day }, service: { kind: 'history' as const, ...day } });

export const planningApi = {
  backtest: (weekday: number) => request<BacktestView>('GET', `/api/planning/backtest?weekday=${weekday}&weeks=8`),
  recommend: (day: PlanDay, hours: readonly number[], p90WaitMinutes: number, maxCounters: number) =>
    request<RecommendationView>('POST', '/api/planning/recommend', {
      days: DAYS,
      open: clock(hours[0]!),
      close: clock(hours.at(-1)! + 1),
      ...history(day),
      target: { p90WaitMinutes },
      maxCounters,
    } satisfies RecommendBody),
  simulate: (day: PlanDay, plan: readonly { hour: number; counters: number }[]) =>
    request<PlanFiguresView>('POST', '/api/planning/simulate', {
      days: DAYS,
      open: clock(plan[0]!.hour),
      close: clock(plan.at(-1)!.hour + 1),
      ...history(day),
      counters: plan.map((p) => ({ from: clock(p.hour), to: clock(p.hour + 1), count: p.counters })),
    } satisfies SimulateBody),
};

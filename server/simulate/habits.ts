import type { Domain } from '../../src/domain/catalog'

/**
 * How often people use each domain, per month: `start` is the chance that
 * someone who did not use it last month uses it this month; `again` that
 * someone who did uses it again (≈ the domain's return rate). Shaped by the
 * report: 公积金 (26.4%) and 社保 (20.6%) return most, 天气 hardly at all.
 */
export interface Habit {
  start: number
  again: number
}

const DEFAULT_HABIT: Habit = { start: 0.015, again: 0.08 }

export const HABITS: Partial<Record<Domain, Habit>> = {
  'housing-fund': { start: 0.03, again: 0.27 },
  'social-security': { start: 0.03, again: 0.21 },
  traffic: { start: 0.06, again: 0.15 },
  vehicle: { start: 0.02, again: 0.1 },
  medical: { start: 0.05, again: 0.12 },
  'public-transport': { start: 0.04, again: 0.18 },
  utilities: { start: 0.03, again: 0.16 },
  weather: { start: 0.02, again: 0.05 },
}

export function habitOf(domain: Domain): Habit {
  return HABITS[domain] ?? DEFAULT_HABIT
}

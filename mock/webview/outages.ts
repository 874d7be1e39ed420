import { hash32, seeded } from '../shared/seeded'

const DAY_MS = 24 * 3600_000
const MINUTES_A_DAY = 1440

/**
 * When a simulated web-view site is down, so the demo's failure rates look
 * like a real catalog's: most sites never fail; about one in four has a daily
 * outage of 10–60 minutes at its own time of day; about one in twenty is
 * also down one day in seven for 2–6 hours. Deterministic per site and
 * instant, so every start and every machine agree.
 */
export function isSiteDown(site: string, at: number): boolean {
  const rng = seeded('webview-outages', site)
  const kind = rng.next()
  const daily = { start: rng.int(0, MINUTES_A_DAY - 1), minutes: rng.int(10, 60) }
  const weekly = { start: rng.int(0, MINUTES_A_DAY - 1), minutes: rng.int(120, 360) }
  if (kind >= 0.25) return false
  const minute = Math.floor((at % DAY_MS) / 60_000)
  const within = (w: { start: number; minutes: number }) => (minute - w.start + MINUTES_A_DAY) % MINUTES_A_DAY < w.minutes
  if (within(daily)) return true
  return kind < 0.05 && hash32(site, Math.floor(at / DAY_MS)) % 7 === 0 && within(weekly)
}

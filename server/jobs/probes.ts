import { type ProberOptions, createProber } from '../modules/probes/prober'
import { type Job, runEvery } from './run-every'

/** Probes every listed service every `intervalMs` (ONECITY_PROBE_INTERVAL_S), once across processes: one sample per service per interval. */
export function startProbes(o: ProberOptions): Job {
  const prober = createProber(o)
  const schedule = runEvery({ name: 'probes', intervalMs: o.intervalMs, log: o.log, db: o.db }, () => prober.tick())
  return {
    async stop() {
      await schedule.stop()
      await prober.stop()
    },
  }
}

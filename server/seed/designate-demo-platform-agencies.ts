import type { Db } from '../db/db'
import { HttpError } from '../errors'
import type { NewService } from '../modules/catalog/repository'
import { PLATFORM_CONTRACTS, designatePlatformAgency, getPlatformAgencies } from '../modules/onboarding/platform-agencies'

/**
 * Development only (the simulated agencies run): makes the demo's simulated
 * identity and payment services the platform's own, for each contract no
 * operator has designated yet (a first start, or a data directory from before
 * designations existed). One that failed its review is not listed and stays undesignated.
 */
export async function designateDemoPlatformAgencies(db: Db, services: readonly NewService[]): Promise<string[]> {
  const designated = new Set((await getPlatformAgencies(db)).map((d) => d.contract))
  const made: string[] = []
  for (const contract of PLATFORM_CONTRACTS) {
    const demo = services.find((s) => s.contract === contract && s.coverage.level === 'national')
    if (designated.has(contract) || !demo) continue
    try {
      await designatePlatformAgency(db, 'demo:seed', contract, demo.id)
      made.push(demo.id)
    } catch (err) {
      if (!(err instanceof HttpError)) throw err
    }
  }
  return made
}

import { describe, expect, it } from 'vitest'
import { loadSimulatedAgencies, simulatedAgencies } from '../../mock/agencies'
import { TYPED_CONTRACTS } from '../../server/contracts'

describe('simulated agencies (mock/*/agency.ts)', () => {
  it('simulate every typed contract exactly once', async () => {
    const claimed = (await loadSimulatedAgencies()).map((a) => a.contract)
    expect([...claimed].sort()).toEqual([...TYPED_CONTRACTS].sort())
  })

  it('claim no unknown contract', async () => {
    for (const { contract } of await loadSimulatedAgencies()) expect(TYPED_CONTRACTS).toContain(contract)
  })

  it('give one registration per contract', async () => {
    const agencies = await simulatedAgencies()
    for (const contract of TYPED_CONTRACTS) expect(typeof agencies.get(contract)).toBe('function')
  })
})

import { describe, expect, it } from 'vitest'
import { CONTRACTS } from '../../../server/contracts'
import { SUBPACKAGES } from '../../../src/packages/subpackages'

const citizenContracts = CONTRACTS.filter((c) => c.audience === 'citizen').map((c) => c.id as string)

describe('subpackages (src/packages/subpackages.ts)', () => {
  it('give every citizen contract exactly one subpackage with an entry page', () => {
    for (const contract of citizenContracts) {
      const homes = SUBPACKAGES.filter((p) => p.contract === contract)
      expect(homes, contract).toHaveLength(1)
      expect(homes[0]!.entry?.({ id: 'x-service', name: '服务' }), contract).toMatch(new RegExp(`^/${homes[0]!.root}/pages/.+\\?service=x-service`))
    }
  })

  it('name only known citizen contracts', () => {
    for (const { contract } of SUBPACKAGES) if (contract !== undefined) expect(citizenContracts).toContain(contract)
  })

  it('have an entry exactly when they name a contract, and distinct roots', () => {
    for (const p of SUBPACKAGES) expect(p.entry === undefined, p.root).toBe(p.contract === undefined)
    expect(new Set(SUBPACKAGES.map((p) => p.root)).size).toBe(SUBPACKAGES.length)
  })
})

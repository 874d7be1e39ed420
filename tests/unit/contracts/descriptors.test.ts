import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { CONTRACTS, TYPED_CONTRACTS, contractById, isTypedContract } from '../../../server/contracts'

describe('contract descriptors (server/contracts/index.ts)', () => {
  it('list each contract once, and the ids derive from the list', () => {
    expect(new Set(TYPED_CONTRACTS).size).toBe(CONTRACTS.length)
    expect(TYPED_CONTRACTS).toEqual(CONTRACTS.map((c) => c.id))
    for (const id of TYPED_CONTRACTS) expect(contractById(id).id).toBe(id)
    expect(isTypedContract('webview')).toBe(false)
  })

  it.each(CONTRACTS.map((c) => [c.id, c] as const))('%s: demo fixtures fit its fixture schema', (_, contract) => {
    expect(Value.Check(contract.fixtures, contract.demo.fixtures)).toBe(true)
  })

  it('give every demo tile its own key', () => {
    const keys = CONTRACTS.map((c) => c.demo.template.key)
    expect(new Set(keys).size).toBe(keys.length)
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addMonths } from '../../../src/domain/calendar-months'
import { acknowledgeActives, activeRecord, forgetFormed, formActives, laterMonth } from '../../../src/domain/usage-activity'

const monthArb = fc.integer({ min: 2020 * 12, max: 2040 * 12 }).map((i) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`)

describe('activeRecord: the two flags', () => {
  it('is first when the scope was never active', () => {
    expect(activeRecord('all', '2026-11', undefined)).toEqual({ scope: 'all', month: '2026-11', returning: false, first: true })
  })

  it('is returning when the scope was active the month before', () => {
    expect(activeRecord('city:440300', '2026-11', '2026-10')).toEqual({ scope: 'city:440300', month: '2026-11', returning: true, first: false })
  })

  it('is returning across the turn of the year', () => {
    expect(activeRecord('all', '2027-01', '2026-12').returning).toBe(true)
  })

  it('is neither after a gap', () => {
    expect(activeRecord('all', '2026-11', '2026-08')).toEqual({ scope: 'all', month: '2026-11', returning: false, first: false })
  })

  it('is never both first and returning (the server refuses that as implausible)', () => {
    fc.assert(
      fc.property(monthArb, fc.option(monthArb, { nil: undefined }), (month, last) => {
        const r = activeRecord('all', month, last)
        expect(r.first && r.returning).toBe(false)
        expect(r.returning).toBe(last === addMonths(month, -1))
        expect(r.first).toBe(last === undefined)
      }),
    )
  })
})

describe('formActives: one record per scope per month', () => {
  it('forms one record per scope on the first use in a month', () => {
    const { records, memories } = formActives(['all', 'city:440300'], '2026-11', { all: { lastActive: '2026-10' } })
    expect(records).toEqual([
      { scope: 'all', month: '2026-11', returning: true, first: false },
      { scope: 'city:440300', month: '2026-11', returning: false, first: true },
    ])
    expect(memories).toEqual({ all: { lastActive: '2026-10', formed: '2026-11' }, 'city:440300': { formed: '2026-11' } })
  })

  it('does not record a scope again in a month it was already recorded (or queued) for', () => {
    const first = formActives(['all', 'prov:44'], '2026-11', {})
    const second = formActives(['all', 'prov:44', 'city:440300'], '2026-11', first.memories)
    expect(second.records.map((r) => r.scope)).toEqual(['city:440300'])
    const acknowledged = acknowledgeActives(second.memories, [...first.records, ...second.records])
    expect(formActives(['all'], '2026-11', forgetFormed(acknowledged)).records).toEqual([])
  })

  it('records the same scope once even when a use names it twice', () => {
    expect(formActives(['all', 'all'], '2026-11', {}).records).toHaveLength(1)
  })

  it('records it again the next month', () => {
    const nov = formActives(['all'], '2026-11', {})
    expect(formActives(['all'], '2026-12', nov.memories).records).toHaveLength(1)
  })

  it('does not write lastActive: only the acknowledgement does', () => {
    const { memories } = formActives(['all'], '2026-11', { all: { lastActive: '2026-09' } })
    expect(memories.all?.lastActive).toBe('2026-09')
  })

  it('counts a record still queued for the month before as activity for the flags', () => {
    const { records } = formActives(['all', 'prov:44'], '2026-12', { all: { formed: '2026-11' } }, new Map([['all', '2026-11']]))
    expect(records).toEqual([
      { scope: 'all', month: '2026-12', returning: true, first: false },
      { scope: 'prov:44', month: '2026-12', returning: false, first: true },
    ])
  })

  it('property: over any uses, at most one record per scope and month', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('all', 'prov:44', 'city:440300'), fc.constantFrom('2026-10', '2026-11', '2026-12'))), (uses) => {
        let memories = {}
        const seen = new Set<string>()
        for (const [scope, month] of [...uses].sort((a, b) => a[1].localeCompare(b[1]))) {
          const out = formActives([scope], month, memories)
          memories = out.memories
          for (const r of out.records) {
            expect(seen.has(`${r.scope}|${r.month}`)).toBe(false)
            seen.add(`${r.scope}|${r.month}`)
          }
        }
      }),
    )
  })
})

describe('acknowledgeActives', () => {
  it('sets lastActive to the acknowledged month, never back', () => {
    const memories = acknowledgeActives({ all: { lastActive: '2026-12' } }, [
      { scope: 'all', month: '2026-11', returning: false, first: false },
      { scope: 'prov:44', month: '2026-11', returning: false, first: true },
    ])
    expect(memories.all?.lastActive).toBe('2026-12')
    expect(memories['prov:44']?.lastActive).toBe('2026-11')
  })
})

describe('laterMonth and forgetFormed', () => {
  it('picks the later month', () => {
    expect(laterMonth('2026-09', '2026-11')).toBe('2026-11')
    expect(laterMonth(undefined, '2026-11')).toBe('2026-11')
    expect(laterMonth('2026-11', undefined)).toBe('2026-11')
  })

  it('forgets formed months, keeps lastActive', () => {
    expect(forgetFormed({ all: { lastActive: '2026-10', formed: '2026-11' }, 'prov:44': { formed: '2026-11' } })).toEqual({ all: { lastActive: '2026-10' } })
  })
})

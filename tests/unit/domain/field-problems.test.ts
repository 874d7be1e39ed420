import { describe, expect, it } from 'vitest'
import { detailsToProblems, problemsByField } from '../../../src/domain/field-problems'

describe('field problems', () => {
  it('keeps the first message of each field', () => {
    expect(
      problemsByField([
        { field: 'plate', message: 'a' },
        { field: 'plate', message: 'b' },
        { field: 'engineTail', message: 'c' },
      ]),
    ).toEqual({ plate: 'a', engineTail: 'c' })
  })

  it('maps body.<field> details onto the form and leaves out the rest', () => {
    const details = [
      { path: 'body.plate', message: 'Bad plate / 号牌不对' },
      { path: '/body/engineTail', message: 'x' },
      { path: 'params.vehicleId', message: 'y' },
      { path: 'body.other', message: 'z' },
    ]
    expect(detailsToProblems(details, ['plateType', 'plate', 'engineTail'] as const, (m) => m.toUpperCase())).toEqual([
      { field: 'plate', message: 'BAD PLATE / 号牌不对' },
      { field: 'engineTail', message: 'X' },
    ])
  })
})

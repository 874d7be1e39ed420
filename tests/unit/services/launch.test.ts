import { describe, expect, it } from 'vitest'
import { DEYANG } from '../helpers/cities'
import { nextLaunchStep } from '../../../src/services/launch'

describe('nextLaunchStep', () => {
  it('shows the privacy notice before anything else, even with a remembered city', () => {
    expect(nextLaunchStep('undecided', null)).toBe('ask-consent')
    expect(nextLaunchStep('undecided', DEYANG)).toBe('ask-consent')
  })

  it('locates only with consent', () => {
    expect(nextLaunchStep('agreed', null)).toBe('locate')
    expect(nextLaunchStep('refused', null)).toBe('pick-city')
  })

  it('uses a remembered city without asking again', () => {
    expect(nextLaunchStep('agreed', DEYANG)).toBe('ready')
    expect(nextLaunchStep('refused', DEYANG)).toBe('ready')
  })
})

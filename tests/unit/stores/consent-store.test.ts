import { beforeEach, describe, expect, it, vi } from 'vitest'
import { deviceStorage, resetFakeTaro } from '../helpers/fake-taro'
import {
  agreeToPrivacyNotice,
  PRIVACY_NOTICE_VERSION,
  refusePrivacyNotice,
  selectConsentStatus,
  selectMayCollect,
  useConsentStore,
} from '../../../src/stores/consent-store'

vi.mock('@tarojs/taro', () => import('../helpers/fake-taro'))

describe('consent store', () => {
  beforeEach(() => {
    useConsentStore.setState({ decision: null, version: null, decidedAt: null })
    resetFakeTaro()
  })

  it('is undecided on a fresh device: nothing may be collected', () => {
    const state = useConsentStore.getState()
    expect(selectConsentStatus(state)).toBe('undecided')
    expect(selectMayCollect(state)).toBe(false)
  })

  it('remembers 同意 on the device, with the notice version and time', () => {
    agreeToPrivacyNotice(new Date('2025-01-02T03:04:05Z'))
    expect(selectConsentStatus(useConsentStore.getState())).toBe('agreed')
    expect(selectMayCollect(useConsentStore.getState())).toBe(true)
    const raw = deviceStorage.get('onecity:consent')
    expect(typeof raw).toBe('string')
    expect(JSON.parse(raw as string).state).toEqual({ decision: 'agreed', version: PRIVACY_NOTICE_VERSION, decidedAt: '2025-01-02T03:04:05.000Z' })
  })

  it('remembers 不同意: the app works, but nothing is collected', () => {
    refusePrivacyNotice()
    expect(selectConsentStatus(useConsentStore.getState())).toBe('refused')
    expect(selectMayCollect(useConsentStore.getState())).toBe(false)
    expect(JSON.parse(deviceStorage.get('onecity:consent') as string).state.decision).toBe('refused')
  })

  it('treats an answer to an older notice as no answer', () => {
    useConsentStore.setState({ decision: 'agreed', version: PRIVACY_NOTICE_VERSION - 1, decidedAt: '2024-01-01T00:00:00.000Z' })
    expect(selectConsentStatus(useConsentStore.getState())).toBe('undecided')
    expect(selectMayCollect(useConsentStore.getState())).toBe(false)
  })

  it('restores the answer from storage', async () => {
    agreeToPrivacyNotice()
    const saved = deviceStorage.get('onecity:consent')
    useConsentStore.setState({ decision: null, version: null, decidedAt: null })
    deviceStorage.set('onecity:consent', saved)
    await useConsentStore.persist.rehydrate()
    expect(selectConsentStatus(useConsentStore.getState())).toBe('agreed')
  })
})

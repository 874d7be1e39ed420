import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTaro, resetFakeTaro } from '../helpers/fake-taro'

vi.mock('@tarojs/taro', () => import('../helpers/fake-taro'))

type Listener = (resolve: (option: unknown) => void, info: { referrer: string }) => void

async function load() {
  vi.resetModules()
  return import('../../../src/services/wechat-privacy')
}

/** WeChat raising a privacy request, as a private API would; returns its resolve. */
function wechatAsks(): ReturnType<typeof vi.fn> {
  const listener = fakeTaro.onNeedPrivacyAuthorization.mock.calls[0]?.[0] as Listener
  const resolve = vi.fn()
  listener(resolve, { referrer: 'getFuzzyLocation' })
  return resolve
}

describe('WeChat privacy requests', () => {
  beforeEach(() => resetFakeTaro())

  it('open the app\'s notice and tell WeChat it is shown', async () => {
    const privacy = await load()
    privacy.listenForWechatPrivacyRequests()
    const resolve = wechatAsks()
    expect(privacy.useWechatPrivacyRequest.getState().asking).toBe(true)
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
  })

  it('are resolved with the notice\'s 同意 button', async () => {
    const privacy = await load()
    privacy.listenForWechatPrivacyRequests()
    const resolve = wechatAsks()
    privacy.answerWechatPrivacyRequest(true)
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: privacy.PRIVACY_AGREE_BUTTON_ID })
    expect(privacy.useWechatPrivacyRequest.getState().asking).toBe(false)
  })

  it('are refused with 不同意, once', async () => {
    const privacy = await load()
    privacy.listenForWechatPrivacyRequests()
    const resolve = wechatAsks()
    privacy.answerWechatPrivacyRequest(false)
    privacy.answerWechatPrivacyRequest(false)
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
    expect(resolve).toHaveBeenCalledTimes(2)
  })

  it('show the notice at start when getPrivacySetting says WeChat needs consent', async () => {
    fakeTaro.getPrivacySetting.mockImplementation((option: { success: (r: { needAuthorization: boolean }) => void }) =>
      option.success({ needAuthorization: true }),
    )
    const privacy = await load()
    privacy.listenForWechatPrivacyRequests()
    expect(privacy.useWechatPrivacyRequest.getState().asking).toBe(true)
  })

  it('leave the notice to the app\'s own answer when WeChat already has consent', async () => {
    fakeTaro.getPrivacySetting.mockImplementation((option: { success: (r: { needAuthorization: boolean }) => void }) =>
      option.success({ needAuthorization: false }),
    )
    const privacy = await load()
    privacy.listenForWechatPrivacyRequests()
    expect(privacy.useWechatPrivacyRequest.getState().asking).toBe(false)
  })

  it('are not listened for on a base library without the privacy API, and launching does not fail', async () => {
    const saved = fakeTaro.onNeedPrivacyAuthorization
    Reflect.deleteProperty(fakeTaro, 'onNeedPrivacyAuthorization')
    try {
      const privacy = await load()
      expect(() => privacy.listenForWechatPrivacyRequests()).not.toThrow()
      expect(fakeTaro.getPrivacySetting).not.toHaveBeenCalled()
    } finally {
      Object.assign(fakeTaro, { onNeedPrivacyAuthorization: saved })
    }
  })
})

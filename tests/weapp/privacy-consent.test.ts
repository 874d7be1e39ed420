// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, until, type ApiAnswer, type RenderedNode } from './exparser-simulator'
import { copyWeappBuild } from './weapp-build'
import { wechatCompilers } from './wechat-compilers'

const DEYANG = { code: '510600', name: '德阳', fullName: '德阳市' }

function api(url: string): ApiAnswer {
  const { pathname } = new URL(url)
  if (pathname === '/v1/cities/nearest') return { statusCode: 200, data: { city: DEYANG, distanceKm: 2 } }
  if (pathname === '/v1/catalog') return { statusCode: 200, data: { city: DEYANG, local: [], national: [], total: 0 } }
  return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: 'Not found / 未找到' } } }
}

type ResolveOption = { event: string; buttonId?: string }
type Callbacks = { success?: (r: object) => void; fail?: (e: object) => void; complete?: (r: object) => void }

/**
 * WeChat's privacy rules as the base library applies them: a private API
 * before consent raises onNeedPrivacyAuthorization (or, with no listener,
 * WeChat's own prompt) and waits for resolve; the agreePrivacyAuthorization
 * button records consent when tapped.
 */
function wechatPrivacy() {
  const state = {
    agreed: false,
    listener: undefined as ((resolve: (o: ResolveOption) => void, info: { referrer: string }) => void) | undefined,
    wechatPrompts: 0,
    resolutions: [] as ResolveOption[],
    calls: [] as string[],
  }
  const privateApi = (name: string, result: object) => (options: Callbacks) => {
    state.calls.push(name)
    const run = () => {
      if (!state.agreed) return options.fail?.({ errMsg: `${name}:fail privacy permission is not authorized` })
      options.success?.({ ...result, errMsg: `${name}:ok` })
      options.complete?.({ errMsg: `${name}:ok` })
    }
    if (state.agreed) return run()
    if (!state.listener) {
      state.wechatPrompts += 1
      return run()
    }
    state.listener((option) => {
      state.resolutions.push(option)
      if (option.event !== 'exposureAuthorization') run()
    }, { referrer: name })
  }
  const wx = {
    onNeedPrivacyAuthorization: (listener: typeof state.listener) => void (state.listener = listener),
    getPrivacySetting: (options: Callbacks) => options.success?.({ needAuthorization: !state.agreed, privacyContractName: '《OneCity 城市服务隐私保护指引》' }),
    getFuzzyLocation: privateApi('getFuzzyLocation', { latitude: 31.13, longitude: 104.4 }),
    getLocation: privateApi('getLocation', { latitude: 31.12689, longitude: 104.39781 }),
  }
  /** WeChat raising a privacy request at launch (as requirePrivacyAuthorize does), pending until the app resolves it. */
  const raise = () => state.listener?.((option) => void state.resolutions.push(option), { referrer: 'pages/home/index' })
  return { state, wx, raise }
}

const text = (node: RenderedNode | string): string => (typeof node === 'string' ? node : node.children.map(text).join(''))
const attr = (node: RenderedNode, name: string) => node.attrs.find((a) => a.name === name)?.value

let privacy: ReturnType<typeof wechatPrivacy>
let simulator: ReturnType<typeof startSimulator>

beforeAll(() => {
  privacy = wechatPrivacy()
  simulator = startSimulator(copyWeappBuild(), wechatCompilers(), api, privacy.wx)
})
afterAll(() => simulator.stop())

describe("the app's privacy notice is WeChat's one consent (exparser simulator)", () => {
  it('tapping 同意 resolves WeChat\'s privacy request, and the home page then locates with getFuzzyLocation', async () => {
    expect(privacy.state.listener).toBeTypeOf('function')
    const home = simulator.open('pages/home/index')
    await until(() => text(home.tree()).includes('个人信息保护提示'), 'privacy notice')
    privacy.raise()

    const [agree] = home.findAll('wx-button').filter((b) => attr(b, 'openType') === 'agreePrivacyAuthorization')
    expect(agree && text(agree)).toBe('同意')
    expect(attr(agree!, 'id')).toBe('privacy-agree')
    // WeChat records the consent on the tap, then fires the button's event.
    privacy.state.agreed = true
    expect(home.dispatch('#privacy-agree', 'agreeprivacyauthorization')).toBe(true)

    await until(() => privacy.state.calls.includes('getFuzzyLocation'), 'getFuzzyLocation')
    expect(privacy.state.resolutions).toContainEqual({ event: 'agree', buttonId: 'privacy-agree' })
    await until(() => text(home.tree()).includes('德阳'), 'nearest city')
    expect(privacy.state.wechatPrompts).toBe(0)
    expect(privacy.state.calls).not.toContain('getLocation')
    expect(simulator.requests.some((url) => url.includes('/v1/cities/nearest'))).toBe(true)
    expect(home.errors).toEqual([])
  })
})

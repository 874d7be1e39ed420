import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Text, View } from '@tarojs/components'
import { coverPage, fakeTaro, resetFakeTaro, setRouteParams, uncoverPage } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/api', () => ({ getCatalog: vi.fn(), getNearestCity: vi.fn(), getCities: vi.fn() }))
vi.mock('../../src/services/face-check-api', () => ({ startFaceCheck: vi.fn(), getFaceCheckResult: vi.fn(), getFaceCheckPage: vi.fn() }))

// Issue 16: with a real (not simulated) identity agency the app opens the
// agency's own face-check page (in H5 in the in-app frame) instead of a dead
// end, and asks the platform for the result when the citizen comes back.

const CHECK = 'chk_0123456789abcdef01'
const AGENCY_PAGE = 'https://face.gat.example.gov.cn/h5/check?id=chk_0123456789abcdef01'

let view: Rendered | undefined

async function api() {
  return vi.mocked(await import('../../src/services/face-check-api'))
}

describe('人脸核身 at a real identity agency (H5)', () => {
  beforeEach(() => {
    resetFakeTaro()
    vi.resetModules()
  })
  afterEach(() => {
    view?.unmount()
    vi.unstubAllGlobals()
  })

  it('opens the web-view page for the check (by id only) and asks for the result on return', async () => {
    const faceApi = await api()
    faceApi.startFaceCheck.mockResolvedValue({ checkId: CHECK, url: AGENCY_PAGE, expiresAt: '2026-12-07T12:10:00.000Z', simulated: false })
    faceApi.getFaceCheckResult.mockResolvedValue({ faceCheck: { checkId: CHECK, purpose: 'step-up', status: 'passed' }, identity: null })
    const { useFaceCheck } = await import('../../src/hooks/use-face-check')
    const ends: unknown[] = []
    function Probe() {
      const check = useFaceCheck((end) => ends.push(end))
      return (
        <View role="button" onClick={() => check.run({ purpose: 'step-up' })}>
          <Text>{check.checking ? '正在人脸核身…' : '人脸核身'}</Text>
        </View>
      )
    }
    view = await render(<Probe />)
    await view.click(view.getByText('人脸核身', '[role="button"]'))
    await flush()
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: `/packages/webview/pages/index/index?faceCheck=${CHECK}` })
    // Not the old dead end, and the agency's address is not in the link.
    expect(ends).toEqual([])
    expect(JSON.stringify(fakeTaro.navigateTo.mock.calls)).not.toContain('gat.example')

    coverPage()
    uncoverPage()
    await flush()
    expect(faceApi.getFaceCheckResult).toHaveBeenCalledWith(CHECK)
    expect(ends).toEqual([{ kind: 'done', outcome: expect.objectContaining({ faceCheck: expect.objectContaining({ status: 'passed' }) }) }])
  })

  it('the web-view page frames the page the platform gives for the check, never one from the link', async () => {
    const faceApi = await api()
    faceApi.getFaceCheckPage.mockResolvedValue({ checkId: CHECK, url: AGENCY_PAGE, expiresAt: '2026-12-07T12:10:00.000Z', status: 'pending' })
    setRouteParams({ faceCheck: CHECK, url: encodeURIComponent('https://evil.example.com/'), service: 'deyang-parking', city: '510600' })
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 200 })))
    const { default: WebviewPage } = await import('../../src/packages/webview/pages/index/index')
    view = await render(<WebviewPage />)
    await flush()
    await flush()
    expect(faceApi.getFaceCheckPage).toHaveBeenCalledWith(CHECK)
    expect(view.container.querySelector('.webview-header__title')?.textContent).toBe('人脸核身')
    const frame = view.container.querySelector('iframe')!
    expect(frame.getAttribute('src')).toBe(AGENCY_PAGE)
    expect(frame.getAttribute('sandbox')).toBe('allow-scripts allow-forms allow-same-origin')
    expect(view.container.querySelector('[aria-label="返回"]')).not.toBeNull()
    // It stays in the app: the way back to the result is 返回.
    expect(view.container.querySelector('a.webview-header__browser')).toBeNull()
    expect(view.container.innerHTML).not.toContain('evil.example.com')
    // A face-check link is not a catalog service: the catalog is not asked.
    expect(vi.mocked((await import('../../src/services/api')).getCatalog)).not.toHaveBeenCalled()
  })

  it('a check that has ended is not opened again', async () => {
    const faceApi = await api()
    faceApi.getFaceCheckPage.mockResolvedValue({ checkId: CHECK, url: AGENCY_PAGE, expiresAt: '2026-12-07T12:10:00.000Z', status: 'expired' })
    setRouteParams({ faceCheck: CHECK })
    const { default: WebviewPage } = await import('../../src/packages/webview/pages/index/index')
    view = await render(<WebviewPage />)
    await flush()
    expect(view.container.querySelector('iframe')).toBeNull()
    expect(view.container.textContent).toContain('这次人脸核身已超时，请返回查看结果')
  })
})

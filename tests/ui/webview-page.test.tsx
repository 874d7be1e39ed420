import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CatalogService } from '../../src/domain/catalog'
import { resetFakeTaro, setRouteParams } from '../unit/helpers/fake-taro'
import { DEYANG } from '../unit/helpers/cities'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/api', () => ({ getCatalog: vi.fn(), getNearestCity: vi.fn(), getCities: vi.fn() }))

const PARKING: CatalogService = {
  id: 'deyang-parking',
  name: '停车缴费',
  summary: '路内停车查询与缴费',
  icon: 'mobility',
  domain: 'mobility',
  type: 'travel',
  coverage: { level: 'city', code: '510600' },
  items: [{ id: 'deyang-parking-1', name: '停车记录查询', kind: 'query' }],
  contract: 'webview',
  stars: 4,
  webview: { url: 'https://parking.example.cn/h5/?from=onecity' },
  availability: { state: 'available' },
}

let view: Rendered | undefined

async function renderPage(service: CatalogService, answers: () => Promise<unknown>) {
  vi.resetModules()
  // The link names another page: the page shown comes from the catalog, never from the link.
  setRouteParams({ service: service.id, city: '510600', name: encodeURIComponent(service.name), url: encodeURIComponent('https://evil.example.com/') })
  vi.stubGlobal('fetch', vi.fn(answers))
  const api = vi.mocked(await import('../../src/services/api'))
  api.getCatalog.mockResolvedValue({ city: DEYANG, local: [{ domain: 'mobility', label: '交通出行', services: [service] }], national: [], total: 1 })
  const { default: WebviewPage } = await import('../../src/packages/webview/pages/index/index')
  view = await render(<WebviewPage />)
  await flush()
  await flush()
  return view
}

describe('the web-view page (H5)', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => {
    view?.unmount()
    vi.unstubAllGlobals()
  })

  it('shows the agency page with the city in a sandboxed frame under the service’s name, with 返回 and 在浏览器中打开', async () => {
    const page = await renderPage(PARKING, async () => new Response(null, { status: 200 }))
    expect(page.container.querySelector('.webview-header__title')?.textContent).toBe('停车缴费')
    expect(page.container.querySelector('[aria-label="返回"]')).not.toBeNull()
    const frame = page.container.querySelector('iframe')!
    expect(frame.getAttribute('src')).toBe('https://parking.example.cn/h5/?from=onecity&city=510600')
    expect(frame.getAttribute('sandbox')).toBe('allow-scripts allow-forms allow-same-origin')
    expect(frame.getAttribute('referrerpolicy')).toBe('no-referrer')
    expect(page.container.textContent).toContain('正在打开「停车缴费」')
    expect(page.container.querySelector('a.webview-header__browser')?.getAttribute('href')).toBe('https://parking.example.cn/h5/?from=onecity&city=510600')
    expect(page.container.innerHTML).not.toContain('evil.example.com')
  })

  it('says so with 重试 when the agency page does not answer, and tries again', async () => {
    const page = await renderPage(PARKING, async () => {
      throw new TypeError('Failed to fetch')
    })
    expect(page.container.querySelector('iframe')).toBeNull()
    expect(page.container.querySelector('[role="alert"]')?.textContent).toContain('「停车缴费」的页面暂时打不开')
    await page.click(page.getByText('重试', '[role="button"]'))
    await flush()
    expect(vi.mocked(fetch)).toHaveBeenCalledTimes(2)
  })

  it('explains instead of opening a service in maintenance', async () => {
    const until = new Date(Date.now() + 3600_000).toISOString()
    const page = await renderPage({ ...PARKING, availability: { state: 'maintenance', from: new Date().toISOString(), until } }, async () => new Response(null))
    expect(page.container.querySelector('iframe')).toBeNull()
    expect(page.container.textContent).toContain('「停车缴费」正在维护')
  })
})

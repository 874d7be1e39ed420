import { useEffect } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CatalogService } from '../../src/domain/catalog'
import type { ServiceUsageMarks } from '../../src/hooks/use-service-usage'
import { DEYANG } from '../unit/helpers/cities'
import { deviceStorage, fakeTaro, resetFakeTaro, setRouteParams } from '../unit/helpers/fake-taro'
import { HOSPITAL } from './hospital-fixtures'
import { flush, render, type Rendered } from './render'
import { rememberChoices, usageTestServer } from './usage-test-server'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/hospital-api', async () => (await import('./hospital-mocks')).hospitalApiMock())
vi.mock('../../src/services/api', () => ({ getCatalog: vi.fn(), getNearestCity: vi.fn(), getCities: vi.fn() }))

function service(id: string, contract: string, overrides: Partial<CatalogService> = {}): CatalogService {
  return {
    id,
    name: id,
    summary: '',
    icon: 'x',
    domain: 'medical',
    type: 'life',
    coverage: { level: 'city', code: '510600' },
    items: [{ id: `${id}-1`, name: id, kind: 'query' }],
    contract,
    stars: 4,
    ...overrides,
  }
}
const HOSPITAL_SERVICE = service('dy-hospital', 'hospital@1')
const PARKING = { ...service('dy-parking', 'webview', { domain: 'mobility', type: 'travel' }), webview: { url: 'https://dy-parking.example.cn/h5/' } }
const DY_SCOPES = (svc: CatalogService) => ['all', 'prov:51', 'city:510600', `type:${svc.type}@510600`, `domain:${svc.domain}@510600`, `svc:${svc.id}@510600`]

let view: Rendered | undefined
let stopReporter: (() => void) | undefined

async function load(consent: 'agreed' | 'refused' = 'agreed') {
  rememberChoices(deviceStorage, consent, DEYANG)
  vi.resetModules()
  const api = vi.mocked(await import('../../src/services/api'))
  const hospital = vi.mocked(await import('../../src/services/hospital-api'))
  const reporter = await import('../../src/services/usage-reporter')
  const server = usageTestServer()
  const r = reporter.configureUsageReporter({ transport: server.transport })
  stopReporter = () => r.stop()
  api.getCatalog.mockResolvedValue({ city: DEYANG, local: [{ domain: 'medical', label: '医疗', services: [HOSPITAL_SERVICE] }, { domain: 'mobility', label: '交通出行', services: [PARKING] }], national: [], total: 2 })
  hospital.listHospitals.mockResolvedValue([HOSPITAL])
  return { api, hospital, reporter, r, server }
}

describe('useServiceUsage on the service pages, and the home grid', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => {
    view?.unmount()
    view = undefined
    stopReporter?.()
  })

  it('a service page records the use (its scopes) and one open event', async () => {
    setRouteParams({ service: 'dy-hospital' })
    const { r, server } = await load()
    const { default: HospitalHomePage } = await import('../../src/packages/hospital/pages/index/index')
    view = await render(<HospitalHomePage />)
    await flush()
    await r.flush()
    expect(server.actives().map((a) => a.scope)).toEqual(DY_SCOPES(HOSPITAL_SERVICE))
    expect(server.events()).toEqual([{ service: 'dy-hospital', city: '510600', action: 'open' }])
  })

  it('records nothing for a service the catalog does not have (no guessing)', async () => {
    setRouteParams({ service: 'made-up-service' })
    const { r, server, api } = await load()
    const { default: HospitalHomePage } = await import('../../src/packages/hospital/pages/index/index')
    view = await render(<HospitalHomePage />)
    await flush()
    await r.flush()
    expect(api.getCatalog).toHaveBeenCalledWith('510600')
    expect(server.transport).not.toHaveBeenCalled()
  })

  it('records nothing, and reads no catalog, without consent', async () => {
    setRouteParams({ service: 'dy-hospital' })
    const { r, server, api } = await load('refused')
    const { default: HospitalHomePage } = await import('../../src/packages/hospital/pages/index/index')
    view = await render(<HospitalHomePage />)
    await flush()
    await r.flush()
    expect(api.getCatalog).not.toHaveBeenCalled()
    expect(server.transport).not.toHaveBeenCalled()
  })

  it('the home grid counts a web-view service as opened there; a service with its own page is left to that page', async () => {
    const { r, server } = await load()
    const { default: HomePage } = await import('../../src/pages/home/index')
    view = await render(<HomePage />)
    await flush()
    const tile = (name: string) => [...view!.container.querySelectorAll('.service-tile')].find((t) => t.textContent?.includes(name))!
    await view.click(tile('dy-parking'))
    await view.click(tile('dy-hospital'))
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: expect.stringContaining('/packages/hospital/pages/index/index?service=dy-hospital') })
    await r.flush()
    expect(server.events()).toEqual([{ service: 'dy-parking', city: '510600', action: 'open' }])
    const scopes = server.actives().map((a) => a.scope)
    for (const s of [...DY_SCOPES(PARKING), ...DY_SCOPES(HOSPITAL_SERVICE)]) expect(scopes).toContain(s)
    expect(new Set(scopes).size).toBe(scopes.length)
  })

  it('marks submit, success and error with the latency since the submit', async () => {
    setRouteParams({})
    const { r, server } = await load()
    const { useServiceUsage } = await import('../../src/hooks/use-service-usage')
    const { rememberServices } = await import('../../src/services/usage-services')
    rememberServices([HOSPITAL_SERVICE])
    let marks: ServiceUsageMarks | undefined
    function Booking() {
      const usage = useServiceUsage('dy-hospital', { open: false })
      useEffect(() => {
        marks = usage
      })
      return null
    }
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      view = await render(<Booking />)
      await flush()
      marks!.submit()
      vi.setSystemTime(Date.now() + 420)
      marks!.success()
      marks!.submit()
      vi.setSystemTime(Date.now() + 1500)
      marks!.error()
      marks!.success()
    } finally {
      vi.useRealTimers()
    }
    await r.flush()
    expect(server.events()).toEqual([
      { service: 'dy-hospital', city: '510600', action: 'submit' },
      { service: 'dy-hospital', city: '510600', action: 'success', ms: 420 },
      { service: 'dy-hospital', city: '510600', action: 'submit' },
      { service: 'dy-hospital', city: '510600', action: 'error', ms: 1500 },
      { service: 'dy-hospital', city: '510600', action: 'success' },
    ])
  })
})

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { deviceStorage, fakeTaro, resetFakeTaro } from '../unit/helpers/fake-taro'
import { SHENZHEN } from '../unit/helpers/cities'
import { flush, render, type Rendered } from './render'
import { rememberChoices, usageTestServer } from './usage-test-server'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))

const SERVICE = { id: 'sz-traffic', domain: 'traffic', type: 'government', coverage: { level: 'city', code: '440300' } } as const
const NOW = Date.parse('2026-11-10T02:00:00Z')

let view: Rendered | undefined
let stopReporter: (() => void) | undefined

async function load(consent: 'agreed' | 'refused' = 'agreed') {
  rememberChoices(deviceStorage, consent, SHENZHEN)
  vi.resetModules()
  const reporter = await import('../../src/services/usage-reporter')
  const server = usageTestServer()
  let id = 0
  const r = reporter.configureUsageReporter({ transport: server.transport, now: () => NOW, newBatchId: () => `privacy-test-${String(++id).padStart(6, '0')}` })
  stopReporter = () => r.stop()
  const { default: PrivacyPage } = await import('../../src/pages/privacy/index')
  return { reporter, server, r, PrivacyPage }
}

const usageSwitch = () => view!.container.querySelector<HTMLElement>('[role="switch"]')!

describe('我的 → 隐私与统计: anonymous statistics', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => {
    view?.unmount()
    view = undefined
    stopReporter?.()
  })

  it('has a labelled switch, on once consent is agreed, and explains what a record is', async () => {
    const { PrivacyPage } = await load()
    view = await render(<PrivacyPage />)
    const sw = usageSwitch()
    expect(sw.getAttribute('aria-checked')).toBe('true')
    expect(sw.getAttribute('aria-disabled')).toBeNull()
    const label = view.container.querySelector(`#${sw.getAttribute('aria-labelledby')}`)
    expect(label?.textContent).toBe('发送匿名使用统计')
    expect(view.container.querySelector(`#${sw.getAttribute('aria-describedby')}`)?.textContent).toContain('已开启')
    const region = view.container.querySelector('[role="region"][aria-labelledby="privacy-usage"]')!
    expect(region.textContent).toContain('范围、月份')
    expect(region.textContent).toContain('returning')
    expect(region.textContent).toContain('first')
    expect(region.textContent).toContain('还没有发送过统计。')
  })

  it('shows the exact payloads sent, newest first, with when and the answer', async () => {
    const { PrivacyPage, r, server } = await load()
    r.recordServiceUse(SERVICE, '440300')
    r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'open' })
    await r.flush()
    expect(server.payloads).toHaveLength(2)
    view = await render(<PrivacyPage />)
    const entries = [...view.container.querySelectorAll('.usage__entry')]
    expect(entries).toHaveLength(2)
    // Newest first: the actives went second (they needed the month the first answer brought).
    const shown = entries.map((e) => JSON.parse(e.querySelector('.usage__payload')!.textContent!))
    expect(shown).toEqual([JSON.parse(server.payloads[1]!), JSON.parse(server.payloads[0]!)])
    expect(entries[0]!.querySelector('.usage__when')?.textContent).toBe('2026-11-10 10:00')
    expect(entries[0]!.querySelector('.usage__answer')?.textContent).toBe('服务器已接收（200）：服务器月份 2026-11，计入 6 条，重复 0 条')
    expect(entries[1]!.textContent).not.toContain('cs_')
    expect(view.container.querySelector('[role="list"][aria-label]')?.getAttribute('aria-label')).toContain('最新的在前')
  })

  it('turned off: clears the queue and sends nothing more', async () => {
    const { PrivacyPage, r, server, reporter } = await load()
    server.down = true
    r.recordServiceUse(SERVICE, '440300')
    r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'open' })
    await r.flush()
    const tries = server.payloads.length
    view = await render(<PrivacyPage />)
    expect(view.container.querySelector('.usage__counts')?.textContent).toContain('等待发送')
    await view.click(usageSwitch())
    expect(usageSwitch().getAttribute('aria-checked')).toBe('false')
    expect(fakeTaro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已关闭匿名使用统计' }))
    expect(r.queue().batches).toEqual([])
    expect(r.queue().events).toEqual([])
    expect(r.queue().waiting).toEqual([])
    expect(view.container.querySelector('.usage__counts')?.textContent).toContain('不记录、不发送')
    server.down = false
    reporter.recordServiceUse(SERVICE, '440300')
    reporter.recordEvent({ service: 'sz-traffic', city: '440300', action: 'open' })
    await reporter.flush()
    await flush()
    expect(server.payloads).toHaveLength(tries)
    expect(server.events()).toEqual([])
    // The switch is remembered; on again, statistics resume.
    expect(JSON.parse(deviceStorage.get('onecity:usage-settings') as string).state.statsOn).toBe(false)
    await view.click(usageSwitch())
    expect(usageSwitch().getAttribute('aria-checked')).toBe('true')
    reporter.recordEvent({ service: 'sz-traffic', city: '440300', action: 'open' })
    await reporter.flush()
    expect(server.events()).toHaveLength(1)
  })

  it('without consent the switch is off and disabled, and nothing is sent', async () => {
    const { PrivacyPage, reporter, server } = await load('refused')
    view = await render(<PrivacyPage />)
    const sw = usageSwitch()
    expect(sw.getAttribute('aria-checked')).toBe('false')
    expect(sw.getAttribute('aria-disabled')).toBe('true')
    await view.click(sw)
    expect(usageSwitch().getAttribute('aria-checked')).toBe('false')
    reporter.recordServiceUse(SERVICE, '440300')
    await reporter.flush()
    expect(server.transport).not.toHaveBeenCalled()
  })
})

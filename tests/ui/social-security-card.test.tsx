import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ECardViewT } from '../../src/api/social-security'
import { coverPage, deviceStorage, fakeTaro, resetFakeTaro, setRouteParams, uncoverPage } from '../unit/helpers/fake-taro'
import { render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/social-security-api', async () => (await import('./social-security-mocks')).socialSecurityApiMock())

const SERVICE = 'deyang-social-security'
// 10:30:20 in China; the first code is valid to 10:31:00.
const NOW = new Date('2026-05-15T02:30:20Z')

function card(token: string, expiresAt: string): ECardViewT {
  return {
    cardNo: '*****1234',
    person: { name: '*伟', idNumber: '5106**********1238' },
    status: 'active',
    issuer: '四川省人力资源和社会保障厅',
    qrPayload: `OCSSC1:${token}`,
    qrExpiresAt: expiresAt,
  }
}
const FIRST = card('Xq3v9s0kLr2mNw8pYt6uBc4dEf7gHj1a', '2026-05-15T10:31:00+08:00')
const SECOND = card('Zz9y8x7w6v5u4t3s2r1q0pOnMlKjIhGf', '2026-05-15T10:32:00+08:00')

let view: Rendered | undefined

/** Lets answers arrive and timers that are due run, `ms` of fake time on. */
async function tick(ms = 0) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms)
  })
}

async function renderCard() {
  vi.resetModules()
  setRouteParams({ service: SERVICE })
  const api = vi.mocked(await import('../../src/services/social-security-api'))
  const { ApiError } = await import('../../src/services/request')
  const { default: CardPage } = await import('../../src/packages/social-security/pages/card/index')
  api.getECard.mockResolvedValueOnce(FIRST).mockResolvedValue(SECOND)
  return { api, ApiError, show: async () => {
    view = await render(<CardPage />)
    await tick()
  } }
}

const qr = () => view!.container.querySelector<HTMLElement>('.qr-code')
const runs = (selector: string) => [...view!.container.querySelectorAll<HTMLElement>(selector)].map((r) => Number(r.style.flexGrow))
const darkModules = () => runs('.qr-code__run--dark').reduce((a, b) => a + b, 0)
const qrShape = () => [...view!.container.querySelectorAll<HTMLElement>('.qr-code__row')].map((row) => [...row.querySelectorAll<HTMLElement>('.qr-code__run')].map((r) => `${r.classList.contains('qr-code__run--dark') ? 'D' : 'L'}${r.style.flexGrow}`).join(''))

describe('电子社保卡', () => {
  beforeEach(() => {
    resetFakeTaro()
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] })
    vi.setSystemTime(NOW)
  })
  afterEach(() => {
    view?.unmount()
    view = undefined
    vi.useRealTimers()
  })

  it('draws the QR code on the phone, with a label, from the payload', async () => {
    const { api, show } = await renderCard()
    await show()
    expect(api.getECard).toHaveBeenCalledWith(SERVICE)
    expect(qr()?.getAttribute('role')).toBe('img')
    expect(qr()?.getAttribute('aria-label')).toBe('电子社保卡二维码')
    expect(darkModules()).toBeGreaterThan(0)
    // A 39-byte payload is a version-3 code: 29 rows, each 29 modules plus a 4-module quiet zone on both sides.
    const rows = [...view!.container.querySelectorAll('.qr-code__row')]
    expect(rows).toHaveLength(29)
    for (const row of rows) expect([...row.querySelectorAll<HTMLElement>('.qr-code__run')].reduce((n, r) => n + Number(r.style.flexGrow), 0)).toBe(37)
  })

  it('shows the masked fields only, and never the payload as text or in storage', async () => {
    const { show } = await renderCard()
    await show()
    const details = view!.container.querySelector('.e-card')!.textContent
    expect(details).toContain('*伟')
    expect(details).toContain('5106**********1238')
    expect(details).toContain('*****1234')
    expect(details).toContain('四川省人力资源和社会保障厅')
    expect(details).toContain('正常')
    expect(view!.container.innerHTML).not.toContain('OCSSC1')
    expect(view!.container.innerHTML).not.toContain(FIRST.qrPayload.slice(7))
    expect(fakeTaro.setStorageSync).not.toHaveBeenCalled()
    expect(JSON.stringify([...deviceStorage.values()])).not.toContain('OCSSC1')
  })

  it('says until when the code is valid and fetches a new one shortly after it expires', async () => {
    const { api, show } = await renderCard()
    await show()
    expect(view!.container.querySelector('.ss-qr__validity')?.textContent).toBe('二维码有效期至 10:31:00，过期后自动刷新')
    const first = qrShape()
    await tick(40_000)
    expect(api.getECard).toHaveBeenCalledTimes(1)
    await tick(1_000)
    expect(api.getECard).toHaveBeenCalledTimes(2)
    expect(view!.container.querySelector('.ss-qr__validity')?.textContent).toBe('二维码有效期至 10:32:00，过期后自动刷新')
    expect(qrShape()).not.toEqual(first)
    // And again after the new one expires (at most about a minute later).
    await tick(61_000)
    expect(api.getECard).toHaveBeenCalledTimes(3)
  })

  it('fetches a new code on 刷新', async () => {
    const { api, show } = await renderCard()
    await show()
    const first = qrShape()
    await view!.click(view!.getByText('刷新', '[role="button"]'))
    await tick()
    expect(api.getECard).toHaveBeenCalledTimes(2)
    expect(qrShape()).not.toEqual(first)
  })

  it('does not refresh while another page covers it, and fetches a fresh code when it shows again', async () => {
    const { api, show } = await renderCard()
    await show()
    await act(async () => coverPage())
    await tick(120_000)
    expect(api.getECard).toHaveBeenCalledTimes(1)
    await act(async () => uncoverPage())
    await tick()
    expect(api.getECard).toHaveBeenCalledTimes(2)
    expect(view!.container.querySelector('.ss-qr__validity')?.textContent).toContain('10:32:00')
  })

  it('asks for 实名认证 first', async () => {
    const { api, ApiError, show } = await renderCard()
    api.getECard.mockReset().mockRejectedValue(new ApiError('IDENTITY_REQUIRED', '请先完成实名认证', 403))
    await show()
    expect(view!.container.textContent).toContain('使用电子社保卡需要先完成实名认证')
    expect(view!.queryByText('去认证', '[role="button"]')).not.toBeNull()
    expect(qr()).toBeNull()
  })

  it('replaces the code with the error and 重试 when a refresh fails, rather than showing an expired code', async () => {
    const { api, ApiError, show } = await renderCard()
    api.getECard.mockReset().mockResolvedValueOnce(FIRST).mockRejectedValueOnce(new ApiError('AGENCY_TIMEOUT', '办理机构暂时没有响应，请稍后重试', 504)).mockResolvedValue(SECOND)
    await show()
    await tick(41_000)
    expect(qr()).toBeNull()
    expect(view!.container.querySelector('[role="alert"]')?.textContent).toContain('办理机构暂时没有响应')
    await view!.click(view!.getByText('重试', '[role="button"]'))
    await tick()
    expect(qr()).not.toBeNull()
  })
})

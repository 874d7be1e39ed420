import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SUBPACKAGES } from '../../src/packages/subpackages'
import { fakeTaro, resetFakeTaro } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/citizen-api', () => ({ getMe: vi.fn(), verifyIdentity: vi.fn(), listVehicles: vi.fn(), bindVehicle: vi.fn(), unbindVehicle: vi.fn(), listRecords: vi.fn(async () => []) }))

let view: Rendered | undefined

/** A subpackage page (办事记录) as H5 renders it. */
async function renderSubpage() {
  vi.resetModules()
  const { default: RecordsPage } = await import('../../src/packages/account/pages/records/index')
  view = await render(<RecordsPage />)
  await flush()
}

const back = () => view!.container.querySelector<HTMLElement>('.back-button[role="button"]')

describe('返回 on subpages in H5', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => {
    view?.unmount()
    vi.unstubAllEnvs()
  })

  it('shows 返回 before the title, reachable by keyboard', async () => {
    await renderSubpage()
    expect(back()).not.toBeNull()
    expect(back()!.getAttribute('aria-label')).toBe('返回')
    expect(back()!.getAttribute('tabindex')).toBe('0')
    const html = view!.container.innerHTML
    expect(html.indexOf('back-button')).toBeLessThan(html.indexOf('role="heading"'))
    expect(view!.container.querySelector('[role="heading"][aria-level="1"]')?.textContent).toBe('办事记录')
  })

  it('goes back to the page that opened it', async () => {
    await renderSubpage()
    fakeTaro.getCurrentPages.mockReturnValue([{}, {}])
    await view!.click(back()!)
    expect(fakeTaro.navigateBack).toHaveBeenCalledTimes(1)
    expect(fakeTaro.switchTab).not.toHaveBeenCalled()
  })

  it('goes to the home tab when nothing opened it (a deep link or a reload)', async () => {
    await renderSubpage()
    fakeTaro.getCurrentPages.mockReturnValue([{}])
    await view!.click(back()!)
    expect(fakeTaro.navigateBack).not.toHaveBeenCalled()
    expect(fakeTaro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' })
  })

  it('is left to WeChat’s navigation bar in the weapp', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    await renderSubpage()
    expect(back()).toBeNull()
    expect(view!.container.querySelector('[role="heading"][aria-level="1"]')?.textContent).toBe('办事记录')
  })

  it('is on every page of every subpackage (through PageTitle, or a header of its own with BackButton)', () => {
    const pages = SUBPACKAGES.flatMap((p) => p.pages.map((page) => `src/${p.root}/${page}.tsx`))
    expect(pages.length).toBeGreaterThan(20)
    const without = pages.filter((file) => !/<PageTitle>|<BackButton \/>/.test(readFileSync(file, 'utf8')))
    expect(without).toEqual([])
  })
})

import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { CatalogService, DomainGroup } from '../../src/domain/catalog'
import { SCREENSHOTS, openAppInCity, settled, usePlatformAndBrowser } from './browser'

const env = usePlatformAndBrowser()

// Issue 15 "every tile opens": 深圳 (rank 1), 德阳 (rank 13) and 乐山 (outside the 2016 top 100).
const CITIES = [
  { code: '440300', typed: 'shenzhen', name: '深圳' },
  { code: '510600', typed: 'deyang', name: '德阳' },
  { code: '511100', typed: 'leshan', name: '乐山' },
]

async function catalogOf(code: string): Promise<CatalogService[]> {
  const body = (await (await fetch(`${env.platform.url}/v1/catalog?city=${code}`)).json()) as { local: DomainGroup[]; national: DomainGroup[] }
  return [...body.local, ...body.national].flatMap((g) => g.services)
}

const homeTiles = (page: Page) => page.locator('.home-main .home-section:not(.home-recent) .service-tile')

// A fresh load of the home page (the city is remembered): a subpackage page may have opened others on top.
async function backHome(page: Page, city: string) {
  await page.goto(`${env.platform.url}/#/pages/home/index`)
  await page.reload()
  await page.locator('.home-city-name', { hasText: city }).waitFor()
  await homeTiles(page).first().waitFor()
  await settled(page)
}

/** Taps the tile and checks what opened: the typed service's page, the web-view page (its agency page or the failure state) or the mini-program sheet. */
async function tapAndCheck(page: Page, index: number, city: { code: string; name: string }, byName: Map<string, CatalogService[]>): Promise<string> {
  const tile = homeTiles(page).nth(index)
  const name = (await tile.locator('.service-tile__name').innerText()).trim()
  const contracts = new Set((byName.get(name) ?? []).map((s) => s.contract))
  expect(contracts.size, `a catalog service named ${name}`).toBeGreaterThan(0)
  await tile.click()
  const sheet = page.locator('.mini-program-sheet [role="dialog"]')
  await page.waitForFunction(() => location.hash.includes('/packages/') || document.querySelector('.mini-program-sheet') !== null, undefined, { timeout: 10_000 })
  if (await sheet.count()) {
    expect(contracts.has('miniprogram'), name).toBe(true)
    expect(await sheet.innerText()).toContain(name)
    expect(await sheet.locator('[role="img"]').getAttribute('aria-label')).toBe(`「${name}」小程序二维码`)
    expect(await sheet.locator('a', { hasText: '在微信中打开' }).getAttribute('href')).toContain(encodeURIComponent(`city=${city.code}`))
    await sheet.getByRole('button', { name: '关闭' }).click()
    await sheet.waitFor({ state: 'detached' })
    return 'sheet'
  }
  if (page.url().includes('/packages/webview/')) {
    expect(contracts.has('webview'), name).toBe(true)
    await page.locator('.webview-header__title', { hasText: name }).waitFor()
    expect(await page.locator('.webview-header__browser').getAttribute('href')).toMatch(new RegExp(`[?&]city=${city.code}$`))
    // The agency's page shows in the frame, or the page says it does not answer, with 重试: never a blank frame.
    await page.locator('.agency-frame__frame:not(.agency-frame__frame--hidden), .agency-frame--failed').first().waitFor({ timeout: 20_000 })
    const frame = page.locator('iframe.agency-frame__frame')
    if (await frame.count()) {
      expect(await frame.getAttribute('sandbox')).toBe('allow-scripts allow-forms allow-same-origin')
      expect(await frame.getAttribute('src')).toMatch(new RegExp(`[?&]city=${city.code}$`))
    }
    await backHome(page, city.name)
    return 'webview'
  }
  expect([...contracts].some((c) => c.endsWith('@1')), name).toBe(true)
  await page.locator('.taro_page_stationed .page').last().waitFor()
  await backHome(page, city.name)
  return 'page'
}

describe('every tile on the home page opens its page, web-view or sheet (H5, phone size)', () => {
  for (const city of CITIES) {
    it(`taps every tile of ${city.name} (${city.code})`, { timeout: 300_000 }, async () => {
      const services = await catalogOf(city.code)
      const byName = new Map<string, CatalogService[]>()
      for (const s of services) byName.set(s.name, [...(byName.get(s.name) ?? []), s])
      const page = await openAppInCity(env.browser, env.platform.url, city.typed, city.name)
      await homeTiles(page).first().waitFor()
      await settled(page)
      const n = await homeTiles(page).count()
      expect(n).toBe(services.length)
      const outcomes: Record<string, number> = {}
      for (let i = 0; i < n; i++) {
        const outcome = await tapAndCheck(page, i, city, byName)
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1
      }
      expect(outcomes.webview).toBeGreaterThan(0)
      expect(outcomes.sheet).toBeGreaterThan(0)
      expect(await page.locator('body').innerText()).not.toContain('即将上线')
      await page.context().close()
    })
  }

  it('a suspended tile and one in maintenance say so and explain on tap; an agency page that does not answer gets a message and 重试', { timeout: 120_000 }, async () => {
    const { db } = env.platform
    await db.query(`UPDATE services SET status = 'suspended' WHERE id = 'deyang-library'`)
    await db.query(
      `INSERT INTO maintenance_windows (service_id, starts_at, ends_at, note, announced_by) VALUES ('deyang-school', now() - interval '1 hour', now() + interval '2 hours', '系统升级', 'operator:e2e')`,
    )
    await db.query(`UPDATE services SET endpoint = 'http://127.0.0.1:9/webview/deyang-air/h5/' WHERE id = 'deyang-air'`)
    await new Promise((r) => setTimeout(r, 1200)) // the catalog cache looks for changes once a second
    const page = await openAppInCity(env.browser, env.platform.url, 'deyang', '德阳')
    const tile = (name: string) => homeTiles(page).filter({ has: page.locator('.service-tile__name', { hasText: name }) }).first()
    await tile('图书馆').waitFor()
    expect(await tile('图书馆').locator('.service-tile__badge').innerText()).toBe('暂停服务')
    expect(await tile('入学报名').locator('.service-tile__badge').innerText()).toContain('维护中')
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/home-tile-availability.png` })

    await tile('入学报名').click()
    await page.getByText(/「入学报名」正在维护（.+ 至 .+，北京时间）/).waitFor()
    await page.getByText('知道了').click()
    await tile('图书馆').click()
    await page.getByText('「图书馆」已暂停服务', { exact: false }).waitFor()
    await page.getByText('知道了').click()
    expect(page.url()).not.toContain('/packages/')

    await tile('空气质量').click()
    await page.locator('.agency-frame--failed', { hasText: '「空气质量」的页面暂时打不开' }).waitFor({ timeout: 20_000 })
    await page.getByRole('button', { name: '重试' }).waitFor()
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/webview-failed.png` })
    await page.context().close()
  })
})

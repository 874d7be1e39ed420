import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { SCREENSHOTS, openAppInCity, settled, usePlatformAndBrowser } from './browser'

const env = usePlatformAndBrowser()

/** Types a search on the home page and reads the result names, best first. */
async function search(page: Page, typed: string): Promise<string[]> {
  await page.getByPlaceholder(/搜索深圳的服务/).fill(typed)
  await page.locator('.home-search-result').waitFor()
  return page.locator('.search-results .service-tile__name').allTextContents()
}

describe('service search on the H5 home page, from 深圳’s catalog', () => {
  it('finds the issue’s cases and offers other words when nothing matches', async () => {
    const page = await openAppInCity(env.browser, env.platform.url, 'shenzhen', '深圳')
    await settled(page)

    expect((await search(page, 'jiaotong'))[0]).toBe('交通违法')
    expect(await search(page, 'gjj')).toEqual(['公积金'])
    expect(await search(page, '违章')).toEqual(['交通违法'])
    expect(await search(page, '水费')).toEqual(['生活缴费'])
    expect((await search(page, '驾驶证'))[0]).toBe('车管业务')
    await expect.poll(() => page.locator('.search-result__note').first().textContent()).toBe('相关事项：驾驶证换证')
    await page.screenshot({ path: `${SCREENSHOTS}/search-results.png` })

    await search(page, '租房')
    await expect.poll(() => page.locator('.home-search-result').textContent()).toBe('没有找到与“租房”相关的服务')
    expect(await page.getByPlaceholder(/搜索深圳的服务/).inputValue()).toBe('租房')
    expect(await page.locator('.search-empty__word').allTextContents()).toEqual(['违章', '挂号', '社保', '公积金', '水费'])
    await page.screenshot({ path: `${SCREENSHOTS}/search-nothing-found.png` })
    await page.locator('.search-empty__word', { hasText: '挂号' }).click()
    await expect.poll(() => page.locator('.search-results .service-tile__name').allTextContents()).toEqual(['预约挂号'])
    await page.context().close()
  })
})

import { describe, expect, it } from 'vitest'
import { SCREENSHOTS, agreeToPrivacy, phoneContext, pickCityByTyping, settled, usePlatformAndBrowser } from './browser'

const env = usePlatformAndBrowser()

describe('the other main-package pages at phone size', () => {
  it('asks for consent before locating: no location request happens until 同意', async () => {
    const context = await phoneContext(env.browser, { permissions: ['geolocation'], geolocation: { latitude: 31.13, longitude: 104.4 } })
    const page = await context.newPage()
    const nearestCalls: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('/v1/cities/nearest')) nearestCalls.push(r.url())
    })
    await page.goto(env.platform.url)
    await page.getByText('同意', { exact: true }).waitFor()
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/privacy-notice.png` })
    expect(nearestCalls).toEqual([])

    await agreeToPrivacy(page)
    await page.locator('.home-city-name', { hasText: '德阳' }).waitFor()
    expect(nearestCalls).toHaveLength(1)
    await context.close()
  })

  it('refusing the notice keeps the app usable with the manual picker and no location', async () => {
    const context = await phoneContext(env.browser, { permissions: ['geolocation'], geolocation: { latitude: 22.54, longitude: 114.06 } })
    const page = await context.newPage()
    let located = false
    page.on('request', (r) => {
      if (r.url().includes('/v1/cities/nearest')) located = true
    })
    await page.goto(env.platform.url)
    await page.getByText('不同意', { exact: true }).click()
    const search = page.getByPlaceholder(/搜索城市/)
    await search.waitFor()
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/city-picker.png` })
    await pickCityByTyping(page, 'xiamen', '厦门')
    await page.locator('.home-city-name', { hasText: '厦门' }).waitFor()
    expect(located).toBe(false)
    await context.close()
  })

  it('我的 lists the entry points and opens the privacy notice', async () => {
    const context = await phoneContext(env.browser)
    const page = await context.newPage()
    await page.goto(env.platform.url)
    await agreeToPrivacy(page)
    await pickCityByTyping(page, '深圳', '深圳')
    await page.locator('.home-city-name', { hasText: '深圳' }).waitFor()
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/home-shenzhen.png` })

    await page.getByText('我的', { exact: true }).last().click()
    for (const entry of ['实名认证', '我的车辆', '办事记录', '关怀模式', '隐私与统计']) {
      await page.getByText(entry, { exact: true }).waitFor()
    }
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/me.png` })
    await page.getByText('隐私与统计', { exact: true }).click()
    await page.getByText(/匿名/).first().waitFor()
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/privacy-policy.png` })
    await context.close()
  })
})

import { describe, expect, it } from 'vitest'
import { SCREENSHOTS, agreeToPrivacy, phoneContext, pickCityByTyping, settled, usePlatformAndBrowser } from './browser'

const env = usePlatformAndBrowser()

describe('the city hub in the browser at phone size', () => {
  it('first launch: privacy notice, location refused → picker; typing deyang picks 德阳 and shows its services', async () => {
    const context = await phoneContext(env.browser) // no geolocation permission: location is refused
    const page = await context.newPage()
    await page.goto(env.platform.url)

    await page.getByText('同意', { exact: true }).waitFor() // the notice comes before anything is collected
    await agreeToPrivacy(page)
    await pickCityByTyping(page, 'deyang', '德阳')

    await page.locator('.home-city-name', { hasText: '德阳' }).waitFor()
    await page.locator('.service-tile', { hasText: '交通违法' }).first().waitFor()
    await settled(page)
    const tiles = await page.locator('.service-tile').allInnerTexts()
    expect(tiles.some((t) => t.includes('天气'))).toBe(true) // national services too
    expect(await page.getByText('本地服务').count()).toBeGreaterThan(0)
    await page.screenshot({ path: `${SCREENSHOTS}/home-deyang.png` })

    // The chosen city is remembered: a reload opens 德阳 again without asking.
    await page.reload()
    await page.locator('.home-city-name', { hasText: '德阳' }).waitFor()
    expect(await page.getByText('同意', { exact: true }).count()).toBe(0)
    await context.close()
  })

  it('with location allowed in Shenzhen, the app opens on 深圳', async () => {
    const context = await phoneContext(env.browser, {
      permissions: ['geolocation'],
      geolocation: { latitude: 22.54, longitude: 114.06 },
    })
    const page = await context.newPage()
    await page.goto(env.platform.url)
    await agreeToPrivacy(page)
    await page.locator('.home-city-name', { hasText: '深圳' }).waitFor()
    await page.locator('.service-tile').first().waitFor()
    await context.close()
  })

  it('finds cities by initials and Chinese in the picker, and shows the empty state for a city without local services', async () => {
    const context = await phoneContext(env.browser)
    const page = await context.newPage()
    await page.goto(env.platform.url)
    await agreeToPrivacy(page)
    await pickCityByTyping(page, 'cq', '重庆')
    await page.locator('.home-city-name', { hasText: '重庆' }).waitFor()

    await settled(page)
    await page.locator('.home-city-name').click()
    await pickCityByTyping(page, '拉萨', '拉萨')
    await page.locator('.home-city-name', { hasText: '拉萨' }).waitFor()
    await page.getByText(/暂无本地服务/).waitFor()
    await page.locator('.service-tile', { hasText: '天气' }).first().waitFor()
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/home-lhasa-empty.png` })
    await context.close()
  })
})

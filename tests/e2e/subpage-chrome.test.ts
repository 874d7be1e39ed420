import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { SCREENSHOTS, agreeToPrivacy, phoneContext, pickCityByTyping, settled, usePlatformAndBrowser } from './browser'

const env = usePlatformAndBrowser()

/** The element painted at the centre of each of the first A–Z letters: what the citizen would tap. */
const topmostOverLetters = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.city-index__letter')].slice(0, 5).map((letter) => {
      const box = letter.getBoundingClientRect()
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
      return { underMask: Boolean(hit?.closest('.privacy-notice')), onLetter: Boolean(hit?.closest('.city-index')) }
    }),
  )

describe('page chrome in H5', () => {
  it('a modal mask covers the city picker’s A–Z bar', async () => {
    const context = await phoneContext(env.browser)
    const page = await context.newPage()
    await page.goto(env.platform.url)
    // Refused at launch: the picker opens, and 使用我的位置 asks again with the notice.
    await page.getByText('不同意', { exact: true }).click()
    await page.getByPlaceholder(/搜索城市/).waitFor()
    await page.locator('.city-index__letter').first().waitFor()
    await settled(page)
    expect((await topmostOverLetters(page)).every((l) => l.onLetter)).toBe(true)

    await page.getByRole('button', { name: '使用我的位置' }).click()
    await page.locator('.city-page .privacy-notice').waitFor()
    const order = await page.evaluate(() => ({
      bar: Number(getComputedStyle(document.querySelector('.city-index')!).zIndex),
      mask: Number(getComputedStyle(document.querySelector('.privacy-notice')!).zIndex),
    }))
    expect(order.mask).toBeGreaterThan(order.bar)
    const hits = await topmostOverLetters(page)
    expect(hits.length).toBeGreaterThan(0)
    expect(hits.every((l) => l.underMask && !l.onLetter)).toBe(true)
    await page.screenshot({ path: `${SCREENSHOTS}/city-picker-privacy-notice.png` })
    await context.close()
  })

  it('a subpage has its own 返回: back to the page that opened it, or home from a deep link', async () => {
    const context = await phoneContext(env.browser)
    const page = await context.newPage()
    await page.goto(env.platform.url)
    await agreeToPrivacy(page)
    await pickCityByTyping(page, '德阳', '德阳')
    await page.locator('.home-city-name', { hasText: '德阳' }).waitFor()

    // 我的 → 办事记录 → 返回 → 我的.
    await page.getByText('我的', { exact: true }).last().click()
    await page.getByText('办事记录', { exact: true }).click()
    const records = page.locator('.page.records')
    await records.locator('[role="heading"][aria-level="1"]', { hasText: '办事记录' }).waitFor()
    await settled(page)
    const back = records.getByRole('button', { name: '返回' })
    expect(await back.isVisible()).toBe(true)
    const box = (await back.boundingBox())!
    expect(box.width).toBeGreaterThanOrEqual(44)
    expect(box.height).toBeGreaterThanOrEqual(44)
    await page.screenshot({ path: `${SCREENSHOTS}/subpage-back.png` })
    await back.click()
    await page.waitForFunction(() => location.hash.includes('/pages/me/index'))
    await page.getByText('隐私与统计', { exact: true }).waitFor()

    // Opened straight from a link (nothing to go back to): 返回 goes to the home tab.
    await page.goto(`${env.platform.url}/#/packages/account/pages/records/index`)
    await page.reload()
    const deep = page.locator('.page.records')
    await deep.getByRole('button', { name: '返回' }).click()
    await page.locator('.home-city-name', { hasText: '德阳' }).waitFor()
    expect(await page.evaluate(() => location.hash)).toContain('/pages/home/index')
    await context.close()
  })
})

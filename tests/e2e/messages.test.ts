import { describe, expect, it } from 'vitest'
import { SCREENSHOTS, openAppInCity, openMe, settled, usePlatformAndBrowser, verifyIdentity } from './browser'

const env = usePlatformAndBrowser()

// A resident the simulated registry knows (mock/identity/app.ts) and a car the simulated police make violations for.
const PERSON = { name: '张伟', idNumber: '510603199003071238' }

describe('消息, at phone size', () => {
  it('paying a fine makes a 消息 appear, with the badge on 我的; opening it marks it read and shows its case', async () => {
    const page = await openAppInCity(env.browser, env.platform.url, 'deyang', '德阳')

    await verifyIdentity(page, env.platform.url, PERSON)

    // No message yet: no badge.
    await openMe(page, env.platform.url)
    const entry = page.locator('.me-entry', { hasText: '消息' })
    await entry.locator('.me-entry__hint', { hasText: '缴费、预约等办理进度的通知' }).waitFor()
    expect(await entry.locator('.me-entry__badge').count()).toBe(0)

    await page.goto(env.platform.url)
    await page.locator('.home-main .service-tile', { hasText: '交通违法' }).first().click()
    await page.getByRole('button', { name: '绑定车辆' }).click()
    await page.getByLabel('号牌号码').fill('川A6M2P9')
    await page.getByLabel('发动机号后6位').fill('73215B')
    await page.getByRole('button', { name: '提交' }).click()
    await page.locator('.vehicle-card__plate', { hasText: '川A***P9' }).waitFor()
    await page.getByText('查看违法记录').first().click()
    await page.locator('.violation-row', { hasText: '未缴款' }).first().click()
    await page.getByRole('button', { name: '立即缴款' }).click()
    await page.getByRole('button', { name: '确认支付' }).click()
    await page.locator('.pay-outcome', { hasText: '已缴款' }).waitFor()

    // 我的: the 消息 entry says 1 条未读 in words and as a number, and the 我的 tab carries the badge.
    await openMe(page, env.platform.url)
    await entry.locator('.me-entry__hint', { hasText: '1 条未读消息' }).waitFor()
    expect(await entry.locator('.me-entry__badge').innerText()).toBe('1')
    const tab = page.locator('.weui-tabbar__item', { hasText: '我的' })
    await tab.locator('.weui-badge', { hasText: '1' }).waitFor()
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/me-unread.png` })

    await entry.click()
    const row = page.locator('.message-row').first()
    await row.waitFor()
    expect(await row.innerText()).toContain('缴费成功')
    expect(await row.innerText()).toContain('未读')
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/messages.png` })
    await row.click()
    await page.locator('.record-row--opened', { hasText: '来自消息' }).waitFor()

    await openMe(page, env.platform.url)
    await entry.locator('.me-entry__hint', { hasText: '缴费、预约等办理进度的通知' }).waitFor()
    expect(await tab.locator('.weui-badge').count()).toBe(0)
    await page.context().close()
  })
})

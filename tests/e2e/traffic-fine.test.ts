import { describe, expect, it } from 'vitest'
import { piiInDatabase } from '../fixtures/pii-audit'
import { SCREENSHOTS, openAppInCity, openMe, settled, usePlatformAndBrowser } from './browser'

const logs: string[] = []
const env = usePlatformAndBrowser({ logs })

// A resident the simulated registry knows (mock/identity/app.ts) and a car the simulated police make violations for.
const PERSON = { name: '张伟', idNumber: '510603199003071238' }
const PLATE = '川A8K2Q7'
const ENGINE_TAIL = '73215B'

describe('real name + pay a traffic fine, at phone size', () => {
  it('logs in, verifies identity, binds a plate, sees its violations, pays one, and sees it paid and in 办事记录', async () => {
    const page = await openAppInCity(env.browser, env.platform.url, 'deyang', '德阳')

    // 我的 → 实名认证: a wrong check character is caught on the phone and what was typed stays.
    await openMe(page, env.platform.url)
    await page.locator('.me-identity', { hasText: '未实名' }).waitFor()
    await page.getByText('实名认证', { exact: true }).first().click()
    await page.getByLabel('姓名').fill(PERSON.name)
    await page.getByLabel('身份证号').fill('510603199003071239')
    await page.getByRole('button', { name: '提交' }).click()
    await page.locator('.text-field__error', { hasText: '校验码' }).waitFor()
    expect(await page.getByLabel('姓名').inputValue()).toBe(PERSON.name)
    await page.screenshot({ path: `${SCREENSHOTS}/identity-error.png` })
    await page.getByLabel('身份证号').fill(PERSON.idNumber)
    await page.getByRole('button', { name: '提交' }).click()
    await page.locator('.identity-done', { hasText: '已完成实名认证' }).waitFor()
    await openMe(page, env.platform.url)
    await page.locator('.me-identity', { hasText: '*伟' }).waitFor()
    expect(await page.locator('.me-identity').innerText()).not.toContain(PERSON.idNumber)

    // Home → 交通违法 → 绑定车辆: a plate with I is refused with what to fix.
    await page.goto(env.platform.url)
    await page.locator('.home-main .service-tile', { hasText: '交通违法' }).first().click()
    await page.getByRole('button', { name: '绑定车辆' }).click()
    await page.getByLabel('号牌号码').fill('川AI2345')
    await page.getByLabel('发动机号后6位').fill(ENGINE_TAIL)
    await page.getByRole('button', { name: '提交' }).click()
    await page.locator('.text-field__error', { hasText: 'I 和 O' }).waitFor()
    expect(await page.getByLabel('发动机号后6位').inputValue()).toBe(ENGINE_TAIL)
    await page.getByLabel('号牌号码').fill(PLATE)
    await page.getByRole('button', { name: '提交' }).click()
    await page.locator('.vehicle-card__plate', { hasText: '川A***Q7' }).waitFor()
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/traffic-vehicles.png` })

    // Violations → the newest (payable) one → 立即缴款 → the simulated cashier → 已缴款.
    await page.getByText('查看违法记录').first().click()
    await page.locator('.violation-row').first().waitFor()
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/traffic-violations.png` })
    await page.locator('.violation-row', { hasText: '未缴款' }).first().click()
    await page.getByRole('button', { name: '立即缴款' }).click()
    await page.locator('.cashier__notice').waitFor()
    const amount = await page.locator('.cashier__amount').innerText()
    expect(amount).toMatch(/^¥\d+\.\d{2}$/)
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/cashier.png` })
    await page.getByRole('button', { name: '确认支付' }).click()
    await page.locator('.pay-outcome', { hasText: '已缴款' }).waitFor()
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/violation-paid.png` })

    // 我的 → 办事记录: the payment, done, with its amount.
    await openMe(page, env.platform.url)
    await page.getByText('办事记录', { exact: true }).first().click()
    const record = page.locator('.record-row').first()
    await record.waitFor()
    expect(await record.innerText()).toContain('已办结')
    expect(await record.innerText()).toContain(amount)
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/records.png` })
    await page.context().close()

    // Nothing the citizen typed is stored outside the sealed columns or written to a log.
    const pii = [PERSON.name, PERSON.idNumber, PLATE, ENGINE_TAIL]
    expect(await piiInDatabase(env.platform.db, pii)).toEqual([])
    expect(logs.length).toBeGreaterThan(50)
    for (const value of pii) expect(logs.join('')).not.toContain(value)
  })
})

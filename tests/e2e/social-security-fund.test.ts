import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { piiInDatabase } from '../fixtures/pii-audit'
import { SCREENSHOTS, openAppInCity, settled, usePlatformAndBrowser } from './browser'

const logs: string[] = []
const env = usePlatformAndBrowser({ logs })

// A resident the simulated registry knows by name (mock/identity/app.ts).
const CITIZEN = { name: '张伟', idNumber: '510603199003071238' }

async function shot(page: Page, name: string) {
  await settled(page)
  await page.screenshot({ path: `${SCREENSHOTS}/${name}`, fullPage: true })
}

async function openService(page: Page, tile: string, pageClass: string) {
  await page.goto(env.platform.url)
  await page.locator('.home-main .service-tile', { hasText: tile }).first().click()
  await page.locator(`.page.${pageClass}`).waitFor()
}

describe('社保 and 公积金 at phone size', () => {
  it('unverified → 去认证 and back; contributions of a chosen year; the fund balance with the account number masked until the eye is tapped; the anonymous usage it sent carries nothing identifying', async () => {
    const page = await openAppInCity(env.browser, env.platform.url, 'deyang', '德阳')
    // Every anonymous usage request the app sends, as sent, for the privacy audit at the end.
    const usageRequests: { body: string; headers: Record<string, string> }[] = []
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().endsWith('/v1/usage')) usageRequests.push({ body: req.postData() ?? '', headers: req.headers() })
    })

    // 社保服务 before 实名认证: it says why and offers 去认证; after it, the same page shows the insured status.
    await openService(page, '社保服务', 'ss-home')
    const home = page.locator('.page.ss-home')
    await home.getByText('查询社保需要先完成实名认证').waitFor()
    await shot(page, 'social-security-identity-needed.png')
    await home.getByRole('button', { name: '去认证' }).click()
    const identity = page.locator('.page.identity')
    await identity.getByLabel('姓名').fill(CITIZEN.name)
    await identity.getByLabel('身份证号').fill(CITIZEN.idNumber)
    await identity.getByRole('button', { name: '提交' }).click()
    await home.getByText('参保状态').waitFor()
    await home.getByText('社会保障号码 5106**********1238').waitFor()
    expect(await home.innerText()).toContain('养老保险')
    expect(await home.innerText()).not.toContain(CITIZEN.idNumber)
    await shot(page, 'social-security-home.png')

    // 缴费记录 → last year's chip: that year's months, each with its amounts, and the year's totals.
    await home.getByRole('button', { name: /缴费记录/ }).click()
    const records = page.locator('.page.ss-records')
    await records.locator('.year-chips').waitFor()
    const lastYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() - 1
    await records.getByRole('button', { name: `${lastYear}年` }).click()
    await records.getByText(`${lastYear}年合计`).waitFor()
    const months = records.locator('.contribution-month')
    await months.first().waitFor()
    const labels = await months.locator('.list-row__title').allInnerTexts()
    expect(labels.length).toBeGreaterThan(0)
    expect(labels.length).toBeLessThanOrEqual(12)
    expect(labels.every((l) => l.startsWith(`${lastYear}年`))).toBe(true)
    expect(await records.innerText()).toMatch(/个人 [0-9]+\.[0-9]{2} 元/)
    await shot(page, 'social-security-records.png')

    // 电子社保卡: the holder masked, the QR code drawn on the phone from the payload.
    await page.goBack()
    await home.getByRole('button', { name: /电子社保卡/ }).click()
    const card = page.locator('.page.ss-card')
    await card.locator('.qr-code[role="img"]').waitFor()
    expect(await card.innerText()).toContain('*伟')
    expect(await card.innerText()).not.toContain(CITIZEN.name)
    expect(await card.locator('.qr-code').boundingBox()).toMatchObject({ width: expect.any(Number) })
    expect((await card.locator('.qr-code').boundingBox())!.width).toBeGreaterThan(150)
    await shot(page, 'social-security-card.png')

    // 公积金: the balance, the account number masked; the eye leads through 人脸核身 (the simulated
    // agency's page in H5), then shows all 12 digits, and again hides them.
    await openService(page, '公积金', 'fund-home')
    const fund = page.locator('.page.fund-home')
    await fund.locator('.fund-balance__value').waitFor()
    expect(await fund.locator('.fund-balance__value').innerText()).toMatch(/^[0-9]+\.[0-9]{2}$/)
    const accountNo = fund.locator('.account-number__value')
    expect(await accountNo.innerText()).toMatch(/^\*{8}[0-9]{4}$/)
    await shot(page, 'housing-fund-home.png')
    await fund.getByRole('button', { name: '显示账号' }).click()
    const faceCheck = page.locator('.page.face-check')
    await faceCheck.getByRole('button', { name: '开始核验' }).click()
    await fund.getByRole('button', { name: '隐藏账号' }).waitFor()
    expect(await accountNo.innerText()).toMatch(/^[0-9]{12}$/)
    await fund.getByRole('button', { name: '隐藏账号' }).click()
    await fund.getByRole('button', { name: '显示账号' }).waitFor()
    expect(await accountNo.innerText()).toMatch(/^\*{8}[0-9]{4}$/)

    // 贷款试算: a rate of 0 says what to enter and shows no schedule; what was typed stays.
    await fund.locator('.fund-links__calculator').click()
    const calculator = page.locator('.page.loan-calculator')
    await calculator.getByLabel('贷款金额（万元）').fill('100')
    await calculator.getByLabel('年利率（%）').fill('0')
    await calculator.getByText('年利率须大于 0').waitFor()
    expect(await calculator.getByLabel('年利率（%）').inputValue()).toBe('0')
    await shot(page, 'housing-fund-calculator-error.png')
    await calculator.getByLabel('年利率（%）').fill('3.1')
    await calculator.getByText('每月月供').waitFor()
    await shot(page, 'housing-fund-calculator.png')

    // Privacy audit of anonymous usage: what the app sent, what the server keeps, what it logged.
    await expect.poll(() => usageRequests.some((r) => r.body.includes('"actives"')), { timeout: 20_000 }).toBe(true)
    const secrets = [CITIZEN.name, CITIZEN.idNumber, CITIZEN.idNumber.slice(-6), 'cs_']
    for (const { body, headers } of usageRequests) {
      for (const secret of secrets) expect(body).not.toContain(secret)
      expect(headers.authorization).toBeUndefined()
      expect(headers.cookie).toBeUndefined()
      const batch = JSON.parse(body) as Record<string, unknown>
      expect(Object.keys(batch).every((k) => ['v', 'batch', 'actives', 'events'].includes(k))).toBe(true)
      for (const r of (batch.actives ?? []) as Record<string, unknown>[]) expect(Object.keys(r).sort()).toEqual(['first', 'month', 'returning', 'scope'])
      for (const e of (batch.events ?? []) as Record<string, unknown>[]) expect(Object.keys(e).every((k) => ['service', 'city', 'action', 'ms'].includes(k))).toBe(true)
    }
    const [{ n } = { n: 0 }] = await env.platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM usage_activity WHERE scope LIKE '%deyang-social-security%'`)
    expect(n).toBeGreaterThan(0)
    expect(await piiInDatabase(env.platform.db, [CITIZEN.name, CITIZEN.idNumber])).toEqual([])
    const logged = logs.join('')
    expect(logged).not.toContain(CITIZEN.idNumber)
    expect(logged).not.toContain(CITIZEN.name)
  })
})

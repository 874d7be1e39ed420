import { describe, expect, it } from 'vitest'
import { piiInDatabase } from '../fixtures/pii-audit'
import { SCREENSHOTS, openAppInCity, openMe, settled, usePlatformAndBrowser, verifyIdentity } from './browser'

const logs: string[] = []
const env = usePlatformAndBrowser({ logs })

// A resident the simulated registry knows (mock/identity/app.ts) and a water account (not the demo
// manifests' fixture, so the PII audit can look for it) that owes
// its last 2–3 months (a 户号 ending in an odd digit, mock/utilities/households.ts).
const PERSON = { name: '张伟', idNumber: '510603199003071238' }
const ACCOUNT_NO = '3100067891'

// Needs the demo catalog's 生活缴费 tile to be utilities@1 (server/contracts/utilities/demo.ts's template).
describe('生活缴费: bind a water account, pay two months of arrears, see the history, at phone size', () => {
  it('verifies identity, binds a 户号 after confirming the masked holder, pays the arrears at the simulated cashier, and sees it paid', async () => {
    const page = await openAppInCity(env.browser, env.platform.url, 'deyang', '德阳')

    await verifyIdentity(page, env.platform.url, PERSON)

    // Home → 生活缴费 → 添加户号: a 户号 with letters is refused on the phone and stays as typed.
    await page.goto(env.platform.url)
    await page.locator('.home-main .service-tile', { hasText: '生活缴费' }).first().click()
    await page.getByRole('button', { name: '添加户号' }).click()
    await page.getByRole('button', { name: '水费' }).click()
    await page.getByRole('textbox', { name: '户号' }).fill('31000A7891')
    await page.getByRole('button', { name: '查询户号' }).click()
    await page.locator('.text-field__error', { hasText: '6–16 位数字' }).waitFor()
    expect(await page.getByRole('textbox', { name: '户号' }).inputValue()).toBe('31000A7891')
    await page.getByRole('textbox', { name: '户号' }).fill(ACCOUNT_NO)
    await page.getByRole('button', { name: '查询户号' }).click()
    const holder = page.locator('.account-check__holder')
    await holder.waitFor()
    expect(await holder.innerText()).toMatch(/^户名 \*+[\u4e00-\u9fff]$/)
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/utilities-bind.png` })
    await page.getByRole('button', { name: '确认绑定' }).click()
    await page.locator('.account-card__no', { hasText: '户号 ******7891' }).waitFor()
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/utilities-home.png` })

    // Bills: the arrears are chosen; 一键缴清 → the simulated cashier → 缴费成功.
    await page.getByText('查看账单').first().click()
    await page.locator('.bill-row').first().waitFor()
    expect(await page.locator('.bill-row', { hasText: '待缴费' }).count()).toBeGreaterThanOrEqual(2)
    const total = await page.locator('.utilities-total__amount').innerText()
    expect(total).toMatch(/^¥\d+\.\d{2}$/)
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/utilities-bills.png` })
    await page.getByRole('button', { name: '一键缴清' }).click()
    await page.locator('.cashier__notice').waitFor()
    expect(await page.locator('.cashier__amount').innerText()).toBe(total)
    await page.getByRole('button', { name: '确认支付' }).click()
    await page.locator('.pay-outcome', { hasText: '缴费成功' }).waitFor()
    expect(await page.locator('.bill-row', { hasText: '待缴费' }).count()).toBe(0)
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/utilities-paid.png` })

    // 缴费记录 at the company: the online payment first, with the same amount.
    await page.goBack()
    await page.getByText('缴费记录', { exact: true }).first().click()
    const first = page.locator('.payment-row').first()
    await first.waitFor()
    expect(await first.innerText()).toContain('线上缴费')
    expect((await first.innerText()).replace(/\s/g, '')).toContain(total.replace('¥', ''))
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/utilities-history.png` })

    // 我的 → 办事记录: the payment, done.
    await openMe(page, env.platform.url)
    await page.getByText('办事记录', { exact: true }).first().click()
    const record = page.locator('.record-row', { hasText: '缴纳水费' }).first()
    await record.waitFor()
    expect(await record.innerText()).toContain('已办结')
    await page.context().close()

    const pii = [PERSON.name, PERSON.idNumber, ACCOUNT_NO]
    expect(await piiInDatabase(env.platform.db, pii)).toEqual([])
    for (const value of pii) expect(logs.join('')).not.toContain(value)
  })
})

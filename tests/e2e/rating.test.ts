import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createToken } from '../../server/modules/auth/service'
import { SCREENSHOTS, openAppInCity, openMe, settled, usePlatformAndBrowser, verifyIdentity } from './browser'

const env = usePlatformAndBrowser()

// A resident the simulated registry knows (mock/identity/app.ts) and a car the simulated police make violations for.
const PERSON = { name: '张伟', idNumber: '510603199003071238' }
const PLATE = '川A8K2Q7'
const ENGINE_TAIL = '73215B'

async function signIn(browser: Browser, url: string, token: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })).newPage()
  await page.goto(`${url}/console/login`)
  await page.getByLabel('访问令牌').fill(token)
  await page.getByRole('button', { name: '登录' }).click()
  return page
}

describe('好差评 in the app and the console', () => {
  it('pay a fine → a 消息 arrives → rate it 非常不满意 → the agency answers in its console → the answer arrives as a 消息 → the citizen adds a 追评', async () => {
    const { url } = env.platform
    const page = await openAppInCity(env.browser, url, 'deyang', '德阳')

    // 实名认证, bind a car, pay its payable fine.
    await verifyIdentity(page, url, PERSON)
    await page.goto(url)
    await page.locator('.home-main .service-tile', { hasText: '交通违法' }).first().click()
    await page.getByRole('button', { name: '绑定车辆' }).click()
    await page.getByLabel('号牌号码').fill(PLATE)
    await page.getByLabel('发动机号后6位').fill(ENGINE_TAIL)
    await page.getByRole('button', { name: '提交' }).click()
    await page.locator('.vehicle-card__plate', { hasText: '川A***Q7' }).waitFor()
    await page.getByText('查看违法记录').first().click()
    await page.locator('.violation-row', { hasText: '未缴款' }).first().click()
    await page.getByRole('button', { name: '立即缴款' }).click()
    await page.getByRole('button', { name: '确认支付' }).click()
    await page.locator('.pay-outcome', { hasText: '已缴款' }).waitFor()

    // A 消息 arrives (缴费成功); opening it shows its case in 办事记录, rated from there:
    // 评价 → 非常不满意 with a tag and a comment holding a phone number.
    await openMe(page, url)
    const messages = page.locator('.me-entry', { hasText: '消息' })
    await messages.locator('.me-entry__hint', { hasText: '1 条未读消息' }).waitFor()
    await messages.click()
    await page.locator('.message-row', { hasText: '缴费成功' }).first().click()
    const record = page.locator('.record-row--opened')
    await record.waitFor()
    await record.getByRole('button', { name: /^评价/ }).click()
    await page.locator('.rating__form').waitFor()
    await page.getByRole('radio', { name: '非常不满意' }).click()
    await page.getByRole('checkbox', { name: '办理太慢' }).click()
    await page.getByLabel('评价内容（选填）').fill('缴款后迟迟不销分，请回电13812345678')
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/rating-form.png` })
    await page.getByRole('button', { name: '提交评价' }).click()
    await page.locator('.rating__given', { hasText: '我的评价：非常不满意' }).waitFor()
    expect(await page.locator('.rating__given').innerText()).toContain('138****5678')
    expect(await page.locator('.rating__given').innerText()).toContain('已转交办理部门')

    // The traffic police answer in their console (a token for the agency the ticket went to).
    const [ticket] = await env.platform.db.query<{ id: string; agency_id: string }>('SELECT id::text, agency_id FROM rating_tickets')
    const agency = await signIn(env.browser, url, (await createToken(env.platform.db, { role: 'agency', agencyId: ticket!.agency_id })).token)
    await agency.getByRole('link', { name: '差评整改' }).click()
    await agency.getByRole('link', { name: `#${ticket!.id}` }).click()
    const facts = await agency.locator('.facts').innerText()
    expect(facts).toContain('非常不满意')
    expect(facts).not.toContain(PERSON.name.slice(1))
    expect(facts).not.toContain('13812345678')
    await agency.getByLabel('回访结果（群众会看到）').fill('已电话回访，核实后已为您销分，致歉')
    await agency.getByRole('button', { name: '提交回访结果' }).click()
    await agency.locator('.notice', { hasText: '回访结果已提交' }).waitFor()
    await agency.screenshot({ path: `${SCREENSHOTS}/console-rating-ticket.png` })
    await agency.context().close()

    // The answer arrives as a 消息 (评价已回复) and shows in 办事记录; the citizen adds one 追评.
    await openMe(page, url)
    await messages.locator('.me-entry__hint', { hasText: '1 条未读消息' }).waitFor()
    await messages.click()
    await page.locator('.message-row', { hasText: '评价已回复' }).first().click()
    await page.locator('.record-row--opened', { hasText: '部门已答复' }).getByRole('button', { name: /^查看评价/ }).click()
    await page.locator('.rating__answer', { hasText: '已电话回访，核实后已为您销分' }).waitFor()
    await page.getByRole('radio', { name: '满意', exact: true }).click()
    await page.getByLabel('评价内容（选填）').fill('处理及时')
    await page.getByRole('button', { name: '提交追评' }).click()
    await page.locator('.rating__answer', { hasText: '我的追评：满意，处理及时' }).waitFor()
    await settled(page)
    await page.screenshot({ path: `${SCREENSHOTS}/rating-follow-up.png` })
    await expect(page.getByRole('button', { name: '提交追评' }).count()).resolves.toBe(0)
    await page.context().close()
  })
})

import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { SCREENSHOTS, openAppInCity, openMe, settled, usePlatformAndBrowser, verifyIdentity } from './browser'
import { freshPerson } from '../server/fresh-person'
import { cancellableDates, openDepartmentWithCancellableDate } from './hospital-steps'

const env = usePlatformAndBrowser()

// A resident the simulated registry knows (mock/identity/app.ts).
const PERSON = { name: '张伟', idNumber: '510603199003071238' }
/**
 * In 德阳 the simulated police (mock/traffic/data.ts) derive five records for
 * this car, two of them payable online: the newest (always) and the fourth.
 */
const PLATE = '川A5M3K8'
const MASKED_PLATE = '川A***K8'

async function shot(page: Page, name: string) {
  await settled(page)
  await page.screenshot({ path: `${SCREENSHOTS}/${name}`, fullPage: true })
}

/** Violations still unpaid that can be paid here: a row saying why it cannot (现场处罚, 记6分…) is left out. */
const payableViolations = (page: Page): Locator =>
  page.locator('.violation-row', { hasText: '未缴款' }).filter({ hasNot: page.locator('.list-row__warn') })

/** Home → 交通违法 → 绑定车辆 → the car's 违法记录. */
async function openViolationsOf(page: Page, plate: string, masked: string) {
  await page.goto(env.platform.url)
  await page.locator('.home-main .service-tile', { hasText: '交通违法' }).first().click()
  await page.getByRole('button', { name: '绑定车辆' }).click()
  await page.getByLabel('号牌号码').fill(plate)
  await page.getByLabel('发动机号后6位').fill('73215B')
  await page.getByRole('button', { name: '提交' }).click()
  await page.locator('.vehicle-card__plate', { hasText: masked }).waitFor()
  await page.getByText('查看违法记录').first().click()
  await page.locator('.violation-row').first().waitFor()
  await settled(page)
}

/** From a violation: 立即缴款 → the cashier → 取消支付, back on the violation with its order left open. Answers the amount. */
async function openOrderAndLeave(page: Page): Promise<string> {
  await page.getByRole('button', { name: '立即缴款' }).click()
  await page.locator('.cashier__notice').waitFor()
  const amount = (await page.locator('.cashier__amount').innerText()).trim()
  await settled(page)
  await page.getByRole('button', { name: '取消支付' }).click()
  await page.locator('.page.violation').waitFor()
  await settled(page)
  return amount
}

/** Books 心血管内科 on a date still cancellable, pays the fee at the cashier, then cancels: the fee is refunded. */
async function bookPayAndCancel(page: Page): Promise<string> {
  await page.goto(env.platform.url)
  await page.locator('.home-main .service-tile', { hasText: '预约挂号' }).first().click()
  await page.locator('.page.hospital-home .hospital-card').first().waitFor()
  await settled(page)
  await openDepartmentWithCancellableDate(page, '心血管内科')
  await cancellableDates(page).first().click()
  const slot = page.locator('.hospital-department .slot:not(.slot--off)').first()
  await slot.click()
  const confirm = page.locator('.page.booking-confirm')
  await confirm.locator('.booking-summary').waitFor()
  await confirm.locator('.patient-choice--on', { hasText: '*伟' }).waitFor()
  await confirm.getByRole('button', { name: '确认预约' }).click()
  const cashier = page.locator('.page.cashier')
  await cashier.locator('.cashier__notice').waitFor()
  const fee = (await cashier.locator('.cashier__amount').innerText()).trim()
  await settled(page)
  await cashier.getByRole('button', { name: '确认支付' }).click()
  const banner = page.locator('.page.appointment .appointment-banner')
  await banner.locator('.appointment-banner__title', { hasText: /^预约成功$/ }).waitFor()
  await settled(page)
  await page.locator('.page.appointment').getByRole('button', { name: '取消预约' }).click()
  await page.locator('.taro__modal .taro-model__confirm', { hasText: '取消预约' }).click()
  await banner.locator('.appointment-banner__title', { hasText: /^已取消$/ }).waitFor()
  expect(await banner.innerText()).toContain(`已退款 ${fee}`)
  return fee
}

describe('我的支付, at phone size', () => {
  it('shows a paid fine (city, plate masked), a paid and refunded registration fee and an open order, which 去支付 pays; 关闭订单 closes another', async () => {
    const page = await openAppInCity(env.browser, env.platform.url, 'deyang', '德阳')
    await verifyIdentity(page, env.platform.url, PERSON)
    await openViolationsOf(page, PLATE, MASKED_PLATE)
    const violationsUrl = page.url()
    expect(await payableViolations(page).count()).toBe(2)

    // Pay the newest fine; after a reload the cashier still pays its order and returns to the violation, not home.
    await payableViolations(page).first().click()
    const violationUrl = page.url()
    await page.getByRole('button', { name: '立即缴款' }).click()
    await page.locator('.cashier__notice').waitFor()
    const fine = (await page.locator('.cashier__amount').innerText()).trim()
    await page.reload()
    await page.locator('.cashier__amount').waitFor()
    await settled(page)
    await page.getByRole('button', { name: '确认支付' }).click()
    await page.waitForURL(violationUrl)
    await page.locator('.page.violation', { hasText: '已缴款' }).waitFor()
    expect(await page.locator('.page.violation .violation__pay').count()).toBe(0)

    // A registration fee paid and refunded: a real booking, cancelled.
    const registrationFee = await bookPayAndCancel(page)

    // The other payable fine: to the cashier and back without paying, an open order.
    await page.goto(violationsUrl)
    await page.locator('.violation-row').first().waitFor()
    await settled(page)
    expect(await payableViolations(page).count()).toBe(1)
    await payableViolations(page).first().click()
    const openFine = await openOrderAndLeave(page)

    // 我的 → 我的支付: newest first, each with its state in words, service and city.
    await openMe(page, env.platform.url)
    await page.getByText('我的支付', { exact: true }).first().click()
    const rows = page.locator('.page.my-payments .my-payment')
    await rows.nth(2).waitFor()
    await page.locator('.my-payments__end').waitFor()
    expect(await rows.count()).toBe(3)
    const [open, refunded, paid] = [rows.nth(0), rows.nth(1), rows.nth(2)]
    expect(await open.locator('.my-payment__state').innerText()).toBe('待支付')
    expect(await open.innerText()).toContain(`德阳 · 交通违法`)
    expect(await open.innerText()).toContain(`交通违法罚款 · ${MASKED_PLATE} · ${openFine}`)
    expect(await refunded.locator('.my-payment__state').innerText()).toBe('已退款')
    expect(await refunded.innerText()).toContain('德阳 · 预约挂号')
    expect(await refunded.innerText()).toContain(`挂号费 · ${registrationFee}`)
    expect(await paid.locator('.my-payment__state').innerText()).toBe('已支付')
    expect(await paid.innerText()).toContain('德阳 · 交通违法')
    expect(await paid.innerText()).toContain(`交通违法罚款 · ${MASKED_PLATE} · ${fine}`)
    expect(await page.locator('.page.my-payments').innerText()).not.toContain(PLATE)
    await shot(page, 'my-payments.png')

    // The refunded fee's receipt says how much came back; the paid fine's names the car (masked).
    await refunded.locator('.my-payment__summary').click()
    const refundReceipt = refunded.locator('.my-payment__receipt')
    await refundReceipt.waitFor()
    expect(await refundReceipt.innerText()).toContain(`退款金额\n${registrationFee}`)
    await paid.locator('.my-payment__summary').click()
    const paidReceipt = paid.locator('.my-payment__receipt')
    await paidReceipt.waitFor()
    expect(await paidReceipt.innerText()).toContain(`车辆\n${MASKED_PLATE}`)
    expect(await paidReceipt.innerText()).toContain('支付时间')
    await shot(page, 'my-payments-receipt.png')

    // The open order: 去支付 → the cashier → 确认支付 → back in 我的支付, now 已支付.
    await open.locator('.my-payment__summary').click()
    await open.getByRole('button', { name: '去支付' }).waitFor()
    await shot(page, 'my-payments-open.png')
    await open.getByRole('button', { name: '去支付' }).click()
    await page.locator('.page.cashier .cashier__notice').waitFor()
    expect((await page.locator('.cashier__amount').innerText()).trim()).toBe(openFine)
    await settled(page)
    await page.getByRole('button', { name: '确认支付' }).click()
    await page.locator('.page.my-payments').waitFor()
    await rows.nth(0).locator('.my-payment__state', { hasText: '已支付' }).waitFor()
    expect(await page.locator('.page.my-payments .my-payment__state', { hasText: '待支付' }).count()).toBe(0)
    await page.context().close()
  })

  it('closes an open order with 关闭订单 after a confirmation', async () => {
    const page = await openAppInCity(env.browser, env.platform.url, 'deyang', '德阳')
    await verifyIdentity(page, env.platform.url, freshPerson())
    await openViolationsOf(page, '川A8K2Q7', '川A***Q7')
    await payableViolations(page).first().click()
    await openOrderAndLeave(page)

    await openMe(page, env.platform.url)
    await page.getByText('我的支付', { exact: true }).first().click()
    const open = page.locator('.page.my-payments .my-payment', { has: page.locator('.my-payment__state', { hasText: '待支付' }) })
    await open.locator('.my-payment__summary').click()
    await open.getByRole('button', { name: '关闭订单' }).click()
    const modal = page.locator('.taro__modal')
    await modal.locator('.taro-modal__title', { hasText: '关闭订单' }).waitFor()
    await modal.locator('.taro-model__confirm', { hasText: '关闭订单' }).click()
    await page.locator('.page.my-payments .my-payment__state', { hasText: '已关闭' }).waitFor()
    await page.locator('.taro__toast p', { hasText: '订单已关闭' }).waitFor({ state: 'hidden' })
    expect(await page.locator('.page.my-payments .my-payment__state', { hasText: '待支付' }).count()).toBe(0)
    await shot(page, 'my-payments-closed.png')
    await page.context().close()
  })
})

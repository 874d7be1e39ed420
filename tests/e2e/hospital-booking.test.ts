import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { piiInDatabase } from '../fixtures/pii-audit'
import { SCREENSHOTS, openAppInCity, openMe, settled, usePlatformAndBrowser } from './browser'
import { cancellableDates, openDepartmentWithCancellableDate } from './hospital-steps'

const logs: string[] = []
const env = usePlatformAndBrowser({ logs })

// Residents the simulated registry knows (mock/identity/app.ts): the citizen and the spouse they book for.
const CITIZEN = { name: '张伟', idNumber: '510603199003071238' }
const SPOUSE = { name: '李娜', idNumber: '440305198811220020', masked: '*娜', maskedId: '4403**********0020' }
/** The spouse's number with a wrong check character (GB 11643). */
const BAD_ID = '440305198811220021'
const DEPARTMENT = '心血管内科'

/** Waits for the toast (Taro.showToast) saying `text`, then for it to go, so it covers nothing in a screenshot. */
async function toastSays(page: Page, text: string) {
  // The toast's box is its text; the wrapper only holds fixed-position parts.
  const toast = page.locator('.taro__toast p', { hasText: text })
  await toast.waitFor()
  await toast.waitFor({ state: 'hidden' })
}

async function shot(page: Page, name: string) {
  await settled(page)
  await page.screenshot({ path: `${SCREENSHOTS}/${name}`, fullPage: true })
}

/** The value of a DetailList row (医生, 就诊时间…) inside `scope`. */
function detail(scope: Locator, label: string): Locator {
  return scope.locator('.detail-list__row', { has: scope.page().locator('.detail-list__label', { hasText: new RegExp(`^${label}$`) }) }).locator('.detail-list__value')
}

describe('预约挂号 for a family member, at phone size', () => {
  it('adds the spouse as 就诊人, books a slot for them, pays, sees it in 我的预约, cancels it with a refund, and sees both in 办事记录', async () => {
    const page = await openAppInCity(env.browser, env.platform.url, 'deyang', '德阳')

    // 我的 → 实名认证 as 张伟.
    await openMe(page, env.platform.url)
    await page.locator('.me-identity', { hasText: '未实名' }).waitFor()
    await page.getByText('实名认证', { exact: true }).first().click()
    const identity = page.locator('.page.identity')
    await identity.getByLabel('姓名').fill(CITIZEN.name)
    await identity.getByLabel('身份证号').fill(CITIZEN.idNumber)
    await identity.getByRole('button', { name: '提交' }).click()
    await page.locator('.identity-done', { hasText: '已完成实名认证' }).waitFor()

    // Home → 预约挂号 (deyang-hospital, hospital@1) → its home: campuses, 我的预约, 就诊人管理.
    await page.goto(env.platform.url)
    await page.locator('.home-main .service-tile', { hasText: '预约挂号' }).first().click()
    const home = page.locator('.page.hospital-home')
    await home.locator('.subpage-title', { hasText: '预约挂号' }).waitFor()
    await home.locator('.hospital-card').first().waitFor()
    await settled(page)

    // 就诊人管理: 本人 is there; a wrong check character is caught and what was typed stays.
    await home.getByRole('button', { name: '就诊人管理' }).click()
    const patients = page.locator('.page.patients')
    await patients.locator('.patient-row', { hasText: '本人' }).waitFor()
    expect(await patients.locator('.patient-row').first().innerText()).toContain('*伟')
    const form = patients.locator('.patient-form')
    await form.getByLabel('姓名').fill(SPOUSE.name)
    await form.getByLabel('身份证号').fill(BAD_ID)
    await form.getByRole('button', { name: '配偶' }).click()
    await form.getByRole('button', { name: '✓ 配偶' }).waitFor()
    await form.getByRole('button', { name: '添加' }).click()
    await form.locator('.text-field__error', { hasText: '校验码' }).waitFor()
    expect(await form.getByLabel('姓名').inputValue()).toBe(SPOUSE.name)
    expect(await form.getByLabel('身份证号').inputValue()).toBe(BAD_ID)
    expect(await form.getByRole('button', { name: '✓ 配偶' }).count()).toBe(1)
    expect(await patients.locator('.patient-row').count()).toBe(1)
    await shot(page, 'hospital-patient-error.png')
    await form.getByLabel('身份证号').fill(SPOUSE.idNumber)
    await form.getByRole('button', { name: '添加' }).click()
    const spouseRow = patients.locator('.patient-row', { hasText: SPOUSE.masked })
    await spouseRow.waitFor()
    await toastSays(page, `已添加 ${SPOUSE.masked}`)
    expect(await spouseRow.innerText()).toContain('配偶')
    expect(await spouseRow.innerText()).toContain(SPOUSE.maskedId)
    expect(await patients.innerText()).not.toContain(SPOUSE.name)
    expect(await patients.innerText()).not.toContain(SPOUSE.idNumber)
    // A fresh, empty form for the next one.
    expect(await form.getByLabel('姓名').inputValue()).toBe('')
    await shot(page, 'hospital-patients.png')

    // Back → a campus → 心血管内科: its doctors, a date strip and the chosen date's slots under 上午/下午.
    await page.goBack()
    await home.locator('.hospital-card').first().waitFor()
    await settled(page)
    const campus = await openDepartmentWithCancellableDate(page, DEPARTMENT)
    const department = page.locator('.page.hospital-department')
    expect(await department.locator('.subpage-lead').first().innerText()).toBe(campus)
    await department.locator('.doctor-picker').getByRole('button', { name: '普通门诊' }).waitFor()
    // Every greyed date is not selectable and says why (in its title, and a word under the date).
    for (const chip of await department.locator('.date-chip--off').all()) {
      expect(await chip.getAttribute('aria-disabled')).toBe('true')
      expect(await chip.getAttribute('title')).toBeTruthy()
      expect((await chip.locator('.date-chip__note').innerText()).trim()).not.toBe('')
    }
    // The first date the citizen can still cancel; the slots section follows the chosen date.
    const chip = cancellableDates(page).first()
    const chipLabel = (await chip.getAttribute('aria-label'))!
    // The spoken name starts with the chip's own words (WCAG 2.5.3), then the date in full.
    expect(chipLabel).toMatch(/^[^，]+，\d{4}年\d{1,2}月\d{1,2}日 周.，/)
    expect(chipLabel).toMatch(/余 \d+$/)
    const visitDate = chipLabel.split('，')[1]!
    await chip.click()
    await department.locator('.date-chip--on[aria-current="true"]', { hasText: (await chip.locator('.date-chip__day').innerText()).trim() }).waitFor()
    await department.locator('.hospital-department__slots .hospital-department__heading', { hasText: `${visitDate} 号源` }).waitFor()
    // The first doctor (普通门诊 first) with a slot left, and that slot.
    const doctor = department.locator('.doctor-slots').filter({ has: page.locator('.slot:not(.slot--off)') }).first()
    const slot = doctor.locator('.slot:not(.slot--off)').first()
    await slot.waitFor()
    const halves = await department.locator('.slot-group__label').allInnerTexts()
    expect(halves.length).toBeGreaterThan(0)
    for (const half of halves) expect(['上午', '下午', '晚上']).toContain(half.trim())
    for (const note of await department.locator('.slot:not(.slot--off) .slot__note').allInnerTexts()) expect(note.trim()).toMatch(/^余 \d+$/)
    for (const off of await department.locator('.slot--off').all()) expect(await off.getAttribute('aria-disabled')).toBe('true')
    const slotLabel = (await slot.getAttribute('aria-label'))!
    expect(slotLabel).toMatch(/^\d{2}:\d{2}余 \d+，(上午|下午|晚上) \d{2}:\d{2}–\d{2}:\d{2}$/)
    const slotTime = slotLabel.match(/\d{2}:\d{2}–\d{2}:\d{2}/)![0]
    const doctorName = (await doctor.locator('[role="heading"]').innerText()).trim()
    await shot(page, 'hospital-department.png')

    // 确认预约: what is booked, 预约须知 before the button, 就诊人 (本人 chosen first) → the spouse.
    await slot.click()
    const confirm = page.locator('.page.booking-confirm')
    const summary = confirm.locator('.booking-summary')
    await summary.waitFor()
    expect(await detail(summary, '医院').innerText()).toBe(campus)
    expect(await detail(summary, '科室').innerText()).toBe(DEPARTMENT)
    expect(await detail(summary, '医生').innerText()).toContain(doctorName)
    expect(await detail(summary, '就诊时间').innerText()).toContain(`${visitDate} ${slotTime}`)
    const fee = (await detail(summary, '挂号费').innerText()).trim()
    expect(fee).toMatch(/^¥\d+\.\d{2}$/)
    const rules = confirm.locator('.booking-rules')
    await rules.getByText('预约须知', { exact: true }).waitFor()
    for (const label of ['预约范围', '放号时间', '取消/退号', '节假日']) await detail(rules, label).waitFor()
    expect(await detail(rules, '取消/退号').innerText()).toContain('可取消/退号')
    const submit = confirm.getByRole('button', { name: '确认预约' })
    await submit.waitFor()
    expect((await rules.boundingBox())!.y).toBeLessThan((await submit.boundingBox())!.y)
    const self = confirm.locator('.patient-choice', { hasText: '*伟' })
    await confirm.locator('.patient-choice--on', { hasText: '*伟' }).waitFor()
    expect(await self.innerText()).toContain('本人')
    const spouseChoice = confirm.locator('.patient-choice', { hasText: SPOUSE.masked })
    expect(await spouseChoice.innerText()).toContain('配偶')
    await spouseChoice.click()
    await confirm.locator('.patient-choice--on[aria-current="true"]', { hasText: `✓ ${SPOUSE.masked}` }).waitFor()
    expect(await confirm.locator('.patient-choice--on').count()).toBe(1)
    await shot(page, 'hospital-confirm.png')
    await submit.scrollIntoViewIfNeeded()
    await shot(page, 'hospital-confirm-button.png')

    // 确认预约 → the simulated cashier → 确认支付 → the appointment, 预约成功.
    await submit.click()
    const cashier = page.locator('.page.cashier')
    await cashier.locator('.cashier__notice').waitFor()
    expect((await cashier.locator('.cashier__amount').innerText()).trim()).toBe(fee)
    expect(await detail(cashier, '商品').innerText()).toBe('预约挂号费')
    await settled(page)
    await cashier.getByRole('button', { name: '确认支付' }).click()
    const appointment = page.locator('.page.appointment')
    const banner = appointment.locator('.appointment-banner')
    await banner.locator('.appointment-banner__title', { hasText: /^预约成功$/ }).waitFor()
    expect(await banner.innerText()).toContain(`请于 ${visitDate} ${slotTime} 到 ${campus} ${DEPARTMENT} 就诊`)
    const details = appointment.locator('.detail-list')
    expect(await detail(details, '状态').innerText()).toBe('预约成功')
    expect(await detail(details, '就诊人').innerText()).toBe(`${SPOUSE.masked} ${SPOUSE.maskedId}`)
    expect(await detail(details, '医生').innerText()).toContain(doctorName)
    expect(await detail(details, '挂号费').innerText()).toBe(fee)
    expect(await detail(details, '取消截止').innerText()).toMatch(/前$/)
    await appointment.getByRole('button', { name: '取消预约' }).waitFor()
    expect(await appointment.getByRole('button', { name: /去支付/ }).count()).toBe(0)
    await shot(page, 'hospital-appointment-booked.png')

    // 预约挂号 → 我的预约: under 待就诊, for *娜, with the doctor and the time.
    await page.goto(`${env.platform.url}/#/packages/hospital/pages/index/index?service=deyang-hospital&name=${encodeURIComponent('预约挂号')}`)
    await home.locator('.hospital-card').first().waitFor()
    await settled(page)
    await home.getByRole('button', { name: '我的预约' }).click()
    const mine = page.locator('.page.appointments')
    await mine.locator('.appointments__tab--on[aria-current="true"]', { hasText: '待就诊（1）' }).waitFor()
    await mine.locator('.appointments__tab', { hasText: '历史（0）' }).waitFor()
    const row = mine.locator('[role="list"][aria-label="待就诊"] .appointment-row')
    expect(await row.count()).toBe(1)
    const rowText = await row.innerText()
    expect(rowText).toContain(`${campus} · ${DEPARTMENT}`)
    expect(rowText).toContain('预约成功')
    expect(rowText).toContain(doctorName)
    expect(rowText).toContain(`${visitDate} ${slotTime}`)
    expect(rowText).toContain(`就诊人 ${SPOUSE.masked}`)
    await shot(page, 'hospital-appointments.png')

    // Open it → 取消预约 → the modal (暂不取消 / 取消预约) → 已取消, 已退款 with the fee.
    await row.click()
    await banner.locator('.appointment-banner__title', { hasText: /^预约成功$/ }).waitFor()
    await settled(page)
    await appointment.getByRole('button', { name: '取消预约' }).click()
    const modal = page.locator('.taro__modal')
    await modal.locator('.taro-modal__title', { hasText: '取消预约' }).waitFor()
    expect(await modal.locator('.taro-modal__text').innerText()).toContain(`${visitDate} ${slotTime} ${DEPARTMENT}的预约`)
    expect(await modal.locator('.taro-modal__text').innerText()).toContain(`挂号费 ${fee} 将原路退回`)
    expect(await modal.locator('.taro-model__cancel').innerText()).toBe('暂不取消')
    // It fades in: shoot it once it is fully there.
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.taro__modal')!).opacity === '1')
    await shot(page, 'hospital-cancel-modal.png')
    await modal.locator('.taro-model__confirm', { hasText: '取消预约' }).click()
    await banner.locator('.appointment-banner__title', { hasText: /^已取消$/ }).waitFor()
    await toastSays(page, '已取消预约')
    expect(await banner.innerText()).toContain(`已退款 ${fee}`)
    expect(await detail(details, '状态').innerText()).toBe('已取消')
    expect(await detail(details, '退款').innerText()).toContain(`已退款 ${fee}`)
    await detail(details, '取消时间').waitFor()
    expect(await appointment.getByRole('button', { name: '取消预约' }).count()).toBe(0)
    await shot(page, 'hospital-cancelled.png')

    // Back in 我的预约 it has moved to 历史.
    await page.goBack()
    await mine.locator('.appointments__tab--on', { hasText: '待就诊（0）' }).waitFor()
    await mine.locator('.appointments__tab', { hasText: '历史（1）' }).click()
    expect(await mine.locator('[role="list"][aria-label="历史"] .appointment-row').innerText()).toContain('已取消')

    // 我的 → 办事记录: the booking (已取消) and its refund (已办结), both with the fee.
    await openMe(page, env.platform.url)
    await page.getByText('办事记录', { exact: true }).first().click()
    const records = page.locator('.page.records .record-row')
    await records.first().waitFor()
    // A general clinic carries its department in its name (心血管内科普通门诊): the record names it once.
    const who = doctorName.includes(DEPARTMENT) ? doctorName : `${DEPARTMENT} ${doctorName}`
    const booking = records.filter({ hasText: `预约挂号：${campus} ${who}` })
    expect(await booking.count()).toBe(1)
    expect(await booking.locator('.status-tag').innerText()).toBe('已取消')
    expect(await booking.innerText()).toContain(fee)
    const refund = records.filter({ hasText: '退款：预约挂号费（取消预约）' })
    expect(await refund.count()).toBe(1)
    expect(await refund.locator('.status-tag').innerText()).toBe('已办结')
    expect(await refund.innerText()).toContain(fee)
    await shot(page, 'hospital-records.png')
    await page.context().close()

    // Nothing either person typed is stored outside the sealed columns or written to a log.
    const pii = [CITIZEN.name, CITIZEN.idNumber, SPOUSE.name, SPOUSE.idNumber]
    expect(await piiInDatabase(env.platform.db, pii)).toEqual([])
    expect(logs.length).toBeGreaterThan(50)
    for (const value of pii) expect(logs.join('')).not.toContain(value)
  })
})

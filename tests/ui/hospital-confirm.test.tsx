import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AppointmentAnswerT } from '../../src/api/hospital'
import { coverPage, fakeTaro, resetFakeTaro, setRouteParams, uncoverPage } from '../unit/helpers/fake-taro'
import { answer, CHILD, CHOSEN_SLOT, DEPARTMENTS, DOCTORS, HOSPITAL, NOW, PATIENTS, schedule, SELF, SERVICE, slot } from './hospital-fixtures'
import { flush, render, type Rendered } from './render'
import { deferred } from './traffic-fixtures'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/hospital-api', async () => (await import('./hospital-mocks')).hospitalApiMock())
vi.mock('../../src/services/patient-api', async () => (await import('./hospital-mocks')).patientApiMock())
// Back from the cashier, the payment hook reads the order (src/hooks/use-payment.ts).
vi.mock('../../src/services/payment-api', () => ({ getPayment: vi.fn(async () => (await import('./hospital-fixtures')).answer({}, 'paid').payment), paySimulated: vi.fn() }))

let view: Rendered | undefined

const DATE = '2026-11-22'

async function renderConfirm(options: { slotStatus?: 'available' | 'full'; date?: string; start?: string } = {}) {
  vi.resetModules()
  const date = options.date ?? DATE
  const chosenSlot = options.start ? slot(DOCTORS[1]!, date, options.start) : CHOSEN_SLOT
  setRouteParams({ service: SERVICE, hospital: HOSPITAL.id, department: 'cardiology', date, slot: chosenSlot.id, doctor: DOCTORS[1]!.id })
  const hospital = vi.mocked(await import('../../src/services/hospital-api'))
  const patients = vi.mocked(await import('../../src/services/patient-api'))
  const { ApiError } = await import('../../src/services/request')
  const { default: ConfirmPage } = await import('../../src/packages/hospital/pages/confirm/index')
  hospital.listHospitals.mockResolvedValue([HOSPITAL])
  hospital.listDepartments.mockResolvedValue(DEPARTMENTS)
  const chosen = options.slotStatus === 'full' ? { ...chosenSlot, status: 'full' as const, remaining: 0 } : chosenSlot
  hospital.getDaySchedule.mockResolvedValue(schedule(date, [slot(DOCTORS[1]!, date, '08:30'), chosen]))
  patients.listPatients.mockResolvedValue(PATIENTS)
  view = await render(<ConfirmPage />)
  await flush()
  return { hospital, patients, ApiError }
}

const text = () => view!.container.textContent ?? ''
const confirmButton = () => view!.queryByText('确认预约', '[role="button"]')
const rows = () =>
  Object.fromEntries(
    [...view!.container.querySelectorAll('.booking-summary .detail-list__row')].map((r) => [
      r.querySelector('.detail-list__label')?.textContent,
      r.querySelector('.detail-list__value')?.textContent,
    ]),
  )
const chosenPatient = () => view!.container.querySelector('.patient-choice[aria-current="true"]')?.textContent
const choosePatient = (name: string) => view!.click(view!.container.querySelector(`.patient-choice:nth-child(${name === CHILD.name ? 2 : 1})`)!)
const sentKeys = (mock: { mock: { calls: unknown[][] } }) => mock.mock.calls.map((c) => (c[1] as { idempotencyKey: string }).idempotencyKey)

/** Back from the cashier: this page was covered and shows again. */
async function comeBack() {
  await act(async () => {
    coverPage()
    uncoverPage()
  })
  await flush()
}

describe('确认预约', () => {
  // Friday 20 November 07:30: a visit on the 22nd can still be cancelled until 17:00 on the 21st.
  beforeEach(() => {
    resetFakeTaro()
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
  })
  afterEach(() => {
    view?.unmount()
    vi.useRealTimers()
  })

  it('shows the slot with its weekday, the fee, the rules before booking, and 本人 chosen', async () => {
    const { hospital } = await renderConfirm()
    expect(hospital.getDaySchedule).toHaveBeenCalledWith(SERVICE, HOSPITAL.id, DATE, { departmentId: 'cardiology', doctorId: DOCTORS[1]!.id })
    expect(rows()).toEqual({
      医院: '德阳市人民医院（本部）',
      科室: '心血管内科',
      医生: '王建国 主任医师',
      就诊时间: '2026年11月22日 周日 09:00–09:30（调休上班）',
      挂号费: '¥50.00',
    })
    const rules = view!.container.querySelector('.booking-rules')?.textContent
    expect(rules).toContain('每日 08:00 放出第 7 天的号源')
    expect(rules).toContain('就诊前一天 17:00 前可取消/退号')
    // The rules come before the button.
    const rulesAt = view!.container.innerHTML.indexOf('预约须知')
    expect(rulesAt).toBeGreaterThan(-1)
    expect(rulesAt).toBeLessThan(view!.container.innerHTML.indexOf('booking-confirm__submit'))
    expect(chosenPatient()).toContain('✓ *伟')
    expect(chosenPatient()).toContain('本人')
    expect(view!.queryByText('+ 添加就诊人', '[role="button"]')).not.toBeNull()
  })

  it('sends one POST for a double tap, with one idempotency key, then opens the cashier and the appointment after it', async () => {
    const { hospital } = await renderConfirm()
    await choosePatient(CHILD.name)
    const booked = deferred<AppointmentAnswerT>()
    hospital.bookAppointment.mockReturnValue(booked.promise)
    await view!.click(confirmButton()!)
    await view!.click(confirmButton()!)
    expect(hospital.bookAppointment).toHaveBeenCalledTimes(1)
    const [service, body] = hospital.bookAppointment.mock.calls[0]!
    expect(service).toBe(SERVICE)
    expect(body).toMatchObject({ slotId: CHOSEN_SLOT.id, patientId: CHILD.id })
    expect(body.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
    expect(confirmButton()?.getAttribute('aria-disabled')).toBe('true')
    expect(text()).toContain('正在预约…')

    const result = answer({ status: 'awaiting-payment', patientId: CHILD.id }, 'created')
    await act(async () => booked.resolve(result))
    await flush()
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/packages\/pay\/pages\/cashier\/index\?order=ord_0001&back=%2F/) })
    expect(confirmButton()).toBeNull()
    expect(hospital.bookAppointment).toHaveBeenCalledTimes(1)

    await comeBack()
    expect(fakeTaro.redirectTo).toHaveBeenCalledWith({ url: `/packages/hospital/pages/appointment/index?id=${result.appointment.id}` })
  })

  it('keeps the slot and patient after a timeout and retries with the same key', async () => {
    const { hospital, ApiError } = await renderConfirm()
    await choosePatient(CHILD.name)
    hospital.bookAppointment
      .mockRejectedValueOnce(new ApiError('AGENCY_TIMEOUT', '医院系统响应超时，请稍后重试', 504))
      .mockResolvedValueOnce(answer({ patientId: CHILD.id }, 'paid'))
    await view!.click(confirmButton()!)
    await flush()
    expect(view!.container.querySelector('.form-alert')?.textContent).toContain('医院系统响应超时')
    expect(rows()['就诊时间']).toBe('2026年11月22日 周日 09:00–09:30（调休上班）')
    expect(chosenPatient()).toContain('*明')
    expect(confirmButton()).not.toBeNull()

    await view!.click(view!.getByText('重试', '[role="button"]'))
    await flush()
    expect(hospital.bookAppointment).toHaveBeenCalledTimes(2)
    const keys = sentKeys(hospital.bookAppointment)
    expect(keys[1]).toBe(keys[0])
    expect(hospital.bookAppointment.mock.calls[1]![1]).toMatchObject({ patientId: CHILD.id, slotId: CHOSEN_SLOT.id })
    // Already paid (the first try went through): straight to the appointment.
    expect(fakeTaro.navigateTo).not.toHaveBeenCalled()
    expect(fakeTaro.redirectTo).toHaveBeenCalledWith({ url: expect.stringContaining('/packages/hospital/pages/appointment/index?id=') })
  })

  it('uses another key for another patient, and the first one again on the way back', async () => {
    const { hospital, ApiError } = await renderConfirm()
    hospital.bookAppointment.mockRejectedValue(new ApiError('ALREADY_BOOKED', '该就诊人已预约此号源', 409))
    await view!.click(confirmButton()!)
    await flush()
    await choosePatient(CHILD.name)
    await view!.click(confirmButton()!)
    await flush()
    await choosePatient(SELF.name)
    await view!.click(confirmButton()!)
    await flush()
    const keys = sentKeys(hospital.bookAppointment)
    expect(keys[1]).not.toBe(keys[0])
    expect(keys[2]).toBe(keys[0])
    expect(view!.queryByText('查看我的预约', '[role="button"]')).not.toBeNull()
  })

  it('says 号源已满 when the slot filled meanwhile and offers another slot', async () => {
    const { hospital, ApiError } = await renderConfirm()
    hospital.bookAppointment.mockRejectedValue(new ApiError('SLOT_FULL', '号源已满，请选择其他时段', 409))
    hospital.getDaySchedule.mockResolvedValue(schedule(DATE, [{ ...CHOSEN_SLOT, status: 'full', remaining: 0 }]))
    await view!.click(confirmButton()!)
    await flush()
    expect(view!.container.querySelector('.form-alert')?.textContent).toContain('号源已满')
    expect(view!.queryByText('重试', '[role="button"]')).toBeNull()
    // The schedule was read again: the slot is now full and cannot be sent again.
    expect(hospital.getDaySchedule).toHaveBeenCalledTimes(2)
    expect(text()).toContain('该号源约满')
    expect(confirmButton()).toBeNull()
    expect(chosenPatient()).toContain('*伟')
    await view!.click(view!.getByText('重新选择号源', '[role="button"]'))
    expect(fakeTaro.navigateBack).toHaveBeenCalled()
  })

  it('does not offer a slot that is already full', async () => {
    await renderConfirm({ slotStatus: 'full' })
    expect(text()).toContain('该号源约满，请返回选择其他时段')
    expect(confirmButton()).toBeNull()
  })

  it('asks for 实名认证 before 就诊人 can be chosen', async () => {
    vi.resetModules()
    const patients = vi.mocked(await import('../../src/services/patient-api'))
    const { ApiError } = await import('../../src/services/request')
    patients.listPatients.mockRejectedValue(new ApiError('IDENTITY_REQUIRED', '请先完成实名认证', 403))
    const hospital = vi.mocked(await import('../../src/services/hospital-api'))
    hospital.listHospitals.mockResolvedValue([HOSPITAL])
    hospital.listDepartments.mockResolvedValue(DEPARTMENTS)
    hospital.getDaySchedule.mockResolvedValue(schedule(DATE, [CHOSEN_SLOT]))
    setRouteParams({ service: SERVICE, hospital: HOSPITAL.id, department: 'cardiology', date: DATE, slot: CHOSEN_SLOT.id })
    const { default: ConfirmPage } = await import('../../src/packages/hospital/pages/confirm/index')
    view = await render(<ConfirmPage />)
    await flush()
    expect(text()).toContain('预约挂号需要先完成实名认证')
    expect(confirmButton()).toBeNull()
    await view.click(view.getByText('去认证', '[role="button"]'))
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/identity/index' })
  })

  describe('a booking that cannot be cancelled any more', () => {
    const notice = () => view!.container.querySelector('.no-cancel-notice')
    const tick = () => view!.click(view!.container.querySelector('.no-cancel-notice [role="checkbox"]')!)

    it('says so before booking a same-day visit and books only once the citizen has ticked it', async () => {
      // Today 15:00 under "17:00 the day before": the deadline passed yesterday.
      const { hospital } = await renderConfirm({ date: '2026-11-20', start: '15:00' })
      expect(notice()?.textContent).toContain('取消截止时间已过，预约后不能取消')
      expect(notice()?.textContent).toContain('2026年11月19日 周四 17:00 前取消')
      expect(notice()?.getAttribute('role')).toBe('alert')
      // The warning comes before the button.
      expect(view!.container.innerHTML.indexOf('no-cancel-notice')).toBeLessThan(view!.container.innerHTML.indexOf('booking-confirm__submit'))
      const box = view!.container.querySelector('.no-cancel-notice [role="checkbox"]')!
      expect(box.getAttribute('aria-checked')).toBe('false')

      await view!.click(confirmButton()!)
      await flush()
      expect(hospital.bookAppointment).not.toHaveBeenCalled()
      expect(notice()?.textContent).toContain('请先勾选“我已知晓预约后不能取消”')

      hospital.bookAppointment.mockResolvedValue(answer({ date: '2026-11-20', start: '15:00', status: 'awaiting-payment', cancellable: false, cancelDeadline: '2026-11-19T09:00:00.000Z' }, 'created'))
      await tick()
      expect(box.getAttribute('aria-checked')).toBe('true')
      expect(notice()?.textContent).not.toContain('请先勾选')
      await view!.click(confirmButton()!)
      await flush()
      expect(hospital.bookAppointment).toHaveBeenCalledTimes(1)
      // The tick goes to the platform, which refuses such a booking without it, with where the slot is listed.
      expect(hospital.bookAppointment.mock.calls[0]![1]).toMatchObject({ noCancelAcknowledged: true, where: { date: '2026-11-20' } })
      expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/packages\/pay\/pages\/cashier\/index\?order=ord_0001&back=/) })
    })

    it('when the platform refuses the booking for want of the tick (the phone\'s clock said it could still be cancelled), asks for it and books with the same key', async () => {
      const { hospital, ApiError } = await renderConfirm()
      hospital.bookAppointment.mockRejectedValueOnce(new ApiError('NO_CANCEL_ACK_REQUIRED', '该号源已过取消截止时间，预约后不能取消：请勾选“我已知晓预约后不能取消”后再预约', 422))
      await view!.click(confirmButton()!)
      await flush()
      expect(hospital.bookAppointment.mock.calls[0]![1].noCancelAcknowledged).toBeUndefined()
      expect(notice()?.textContent).toContain('取消截止时间已过，预约后不能取消')

      hospital.bookAppointment.mockResolvedValue(answer({ status: 'awaiting-payment', cancellable: false }, 'created'))
      await tick()
      await view!.click(confirmButton()!)
      await flush()
      expect(hospital.bookAppointment).toHaveBeenCalledTimes(2)
      const [first, second] = hospital.bookAppointment.mock.calls.map((call) => call[1])
      expect(second).toMatchObject({ noCancelAcknowledged: true, idempotencyKey: first!.idempotencyKey })
      expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/packages\/pay\/pages\/cashier\/index\?order=ord_0001&back=/) })
    })

    it('says nothing of the kind while the visit can still be cancelled', async () => {
      await renderConfirm()
      expect(notice()).toBeNull()
      expect(text()).not.toContain('不能取消')
    })

    it('holds the fee when the hospital answers that the booking cannot be cancelled, until the citizen ticks it', async () => {
      const { hospital } = await renderConfirm()
      hospital.bookAppointment.mockResolvedValue(answer({ status: 'awaiting-payment', cancellable: false }, 'created'))
      await view!.click(confirmButton()!)
      await flush()
      expect(fakeTaro.navigateTo).not.toHaveBeenCalled()
      expect(notice()?.textContent).toContain('取消截止时间已过，预约后不能取消')
      expect(text()).not.toContain('正在前往支付挂号费')

      await view!.click(view!.getByText('支付挂号费', '[role="button"]'))
      expect(fakeTaro.navigateTo).not.toHaveBeenCalled()
      expect(notice()?.textContent).toContain('请先勾选')

      await tick()
      await view!.click(view!.getByText('支付挂号费', '[role="button"]'))
      await flush()
      expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/packages\/pay\/pages\/cashier\/index\?order=ord_0001&back=/) })
    })

    it('lets the citizen leave the unpaid booking instead', async () => {
      const { hospital } = await renderConfirm()
      const result = answer({ status: 'awaiting-payment', cancellable: false }, 'created')
      hospital.bookAppointment.mockResolvedValue(result)
      await view!.click(confirmButton()!)
      await flush()
      await view!.click(view!.getByText('暂不支付', '[role="button"]'))
      expect(fakeTaro.navigateTo).not.toHaveBeenCalled()
      expect(fakeTaro.redirectTo).toHaveBeenCalledWith({ url: `/packages/hospital/pages/appointment/index?id=${result.appointment.id}` })
    })
  })
})

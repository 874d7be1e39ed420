import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { coverPage, fakeTaro, resetFakeTaro, setRouteParams, uncoverPage } from '../unit/helpers/fake-taro'
import { answer, appointment } from './hospital-fixtures'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/hospital-api', async () => (await import('./hospital-mocks')).hospitalApiMock())
// Back from the cashier, the payment hook reads the order (src/hooks/use-payment.ts).
vi.mock('../../src/services/payment-api', () => ({ getPayment: vi.fn(async () => (await import('./hospital-fixtures')).answer({}, 'paid').payment), paySimulated: vi.fn() }))

let view: Rendered | undefined
const ID = appointment().id
const VISIT_CARD = {
  cardNo: 'JZ0000012345',
  hospitalId: 'people-1',
  hospitalName: '德阳市人民医院（本部）',
  patient: { name: '*伟', idNumber: '5106**********1238' },
  qrPayload: 'OCVC1:visit-card-payload-for-tests',
  issuedAt: '2026-11-20T02:00:00.000Z',
}

async function renderAppointment(first = answer()) {
  vi.resetModules()
  setRouteParams({ id: ID })
  const hospital = vi.mocked(await import('../../src/services/hospital-api'))
  const { ApiError } = await import('../../src/services/request')
  const { default: AppointmentPage } = await import('../../src/packages/hospital/pages/appointment/index')
  hospital.getAppointment.mockResolvedValue(first)
  hospital.getVisitCard.mockResolvedValue(VISIT_CARD)
  view = await render(<AppointmentPage />)
  await flush()
  return { hospital, ApiError }
}

const rows = () =>
  Object.fromEntries(
    [...view!.container.querySelectorAll('.detail-list__row')].map((r) => [
      r.querySelector('.detail-list__label')?.textContent,
      r.querySelector('.detail-list__value')?.textContent,
    ]),
  )
const banner = () => view!.container.querySelector('.appointment-banner')?.textContent
const button = (text: string) => view!.queryByText(text, '[role="button"]')

describe('预约详情', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('shows where and when (with weekday), queue number, visit card, masked patient, fee and the cancel deadline', async () => {
    const { hospital } = await renderAppointment()
    expect(hospital.getAppointment).toHaveBeenCalledWith(ID)
    expect(banner()).toContain('预约成功')
    expect(rows()).toEqual({
      状态: '预约成功',
      医院: '德阳市人民医院（本部）',
      科室: '心血管内科',
      医生: '王建国 主任医师',
      就诊时间: '2026年11月22日 周日 09:00–09:30',
      就诊序号: '第 3 号',
      就诊人: '*伟 5****************8',
      就诊卡号: 'JZ0000012345',
      预约号: 'A20261122ABC123',
      挂号费: '¥50.00',
      取消截止: '2026年11月21日 周六 17:00 前',
    })
    expect(button('取消预约')).not.toBeNull()
    expect(button('去支付 ¥50.00')).toBeNull()
  })

  it('draws the patient’s visit card as a QR code for signing in, for an upcoming booked appointment only', async () => {
    const { hospital } = await renderAppointment()
    const a = appointment()
    expect(hospital.getVisitCard).toHaveBeenCalledWith(a.serviceId, a.hospitalId, a.patientId)
    const qr = view!.container.querySelector('.visit-card-code [role="img"]')
    expect(qr?.getAttribute('aria-label')).toBe('就诊卡 JZ0000012345 二维码')
    expect(qr!.querySelectorAll('.qr-code__run--dark').length).toBeGreaterThan(20)
    expect(view!.container.textContent).not.toContain(VISIT_CARD.qrPayload)
    view!.unmount()
    await renderAppointment(answer({ status: 'cancelled', cancelReason: 'citizen', cancellable: false }))
    expect(view!.container.querySelector('.visit-card-code')).toBeNull()
  })

  it('cancels after confirming and shows 已取消 and 已退款', async () => {
    const { hospital } = await renderAppointment()
    hospital.cancelAppointment.mockResolvedValue(
      answer(
        { status: 'cancelled', cancelReason: 'citizen', cancellable: false, cancelledAt: '2026-11-20T02:00:00.000Z', refund: { amountFen: 5000, refundedAt: '2026-11-20T02:00:01.000Z' } },
        'refunded',
      ),
    )
    await view!.click(button('取消预约')!)
    await flush()
    expect(fakeTaro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消预约', content: expect.stringContaining('挂号费 ¥50.00 将原路退回') }))
    expect(hospital.cancelAppointment).toHaveBeenCalledWith(ID)
    expect(banner()).toContain('已取消')
    expect(banner()).toContain('已退款 ¥50.00')
    expect(rows()['状态']).toBe('已取消')
    expect(rows()['退款']).toBe('已退款 ¥50.00（2026年11月20日 周五 10:00）')
    expect(rows()['取消截止']).toBeUndefined()
    expect(button('取消预约')).toBeNull()
  })

  it('keeps the appointment when the citizen does not confirm', async () => {
    const { hospital } = await renderAppointment()
    fakeTaro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    await view!.click(button('取消预约')!)
    await flush()
    expect(hospital.cancelAppointment).not.toHaveBeenCalled()
    expect(banner()).toContain('预约成功')
  })

  it('shows the deadline rule when it is too late to cancel, and reads the appointment again', async () => {
    const { hospital, ApiError } = await renderAppointment()
    hospital.cancelAppointment.mockRejectedValue(new ApiError('CANCEL_DEADLINE_PASSED', '已过取消截止时间（就诊前一天 17:00 前可取消/退号），不能在线取消', 422))
    hospital.getAppointment.mockResolvedValue(answer({ cancellable: false }))
    await view!.click(button('取消预约')!)
    await flush()
    expect(view!.container.querySelector('.form-alert')?.textContent).toBe('已过取消截止时间（就诊前一天 17:00 前可取消/退号），不能在线取消')
    expect(view!.queryByText('重试', '[role="button"]')).toBeNull()
    expect(hospital.getAppointment).toHaveBeenCalledTimes(2)
    expect(button('取消预约')).toBeNull()
    expect(view!.container.textContent).toContain('已过取消截止时间，不能在线取消预约')
  })

  it('offers 去支付 while the fee is unpaid; back from the cashier it shows 预约成功', async () => {
    const { hospital } = await renderAppointment(answer({ status: 'awaiting-payment' }, 'created'))
    expect(banner()).toContain('待支付')
    expect(banner()).toContain('请在 2026年11月20日 周五 10:30 前支付挂号费 ¥50.00')
    await view!.click(button('去支付 ¥50.00')!)
    await flush()
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/packages\/pay\/pages\/cashier\/index\?order=ord_0001&back=%2F/) })
    hospital.getAppointment.mockResolvedValue(answer({}, 'paid'))
    await act(async () => {
      coverPage()
      uncoverPage()
    })
    await flush()
    expect(banner()).toContain('预约成功')
    expect(button('去支付 ¥50.00')).toBeNull()
  })

  it('says an unpaid appointment was cancelled by itself', async () => {
    await renderAppointment(answer({ status: 'cancelled', cancelReason: 'unpaid', cancellable: false }, null))
    expect(banner()).toContain('已取消（未按时支付）')
    expect(banner()).toContain('未在规定时间内支付挂号费')
  })
})

import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { coverPage, fakeTaro, resetFakeTaro, uncoverPage } from '../unit/helpers/fake-taro'
import { appointment } from './hospital-fixtures'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/hospital-api', async () => (await import('./hospital-mocks')).hospitalApiMock())

const LIST = [
  appointment({ id: '00000000-0000-4000-8000-0000000000a4', status: 'awaiting-payment', date: '2026-11-25', start: '14:00', end: '14:30', queueNo: 8 }),
  appointment({ id: '00000000-0000-4000-8000-0000000000a3', status: 'cancelled', cancelReason: 'citizen', cancellable: false }),
  appointment({ id: '00000000-0000-4000-8000-0000000000a2' }),
  appointment({ id: '00000000-0000-4000-8000-0000000000a1', date: '2026-10-09', upcoming: false, cancellable: false, departmentName: '骨科' }),
]

let view: Rendered | undefined

async function renderAppointments() {
  vi.resetModules()
  const hospital = vi.mocked(await import('../../src/services/hospital-api'))
  const { default: AppointmentsPage } = await import('../../src/packages/hospital/pages/appointments/index')
  hospital.listAppointments.mockResolvedValue(LIST)
  view = await render(<AppointmentsPage />)
  await flush()
  return hospital
}

const tab = (title: string) => [...view!.container.querySelectorAll('.appointments__tab')].find((t) => t.textContent?.startsWith(title))!
const shown = () =>
  [...view!.container.querySelectorAll('.appointment-row')].map((r) => [r.querySelector('.status-tag')?.textContent, r.querySelector('.appointment-row__time')?.textContent])

describe('我的预约', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('shows 待就诊 first: to come, 待支付 included, newest first', async () => {
    await renderAppointments()
    expect(tab('待就诊').textContent).toBe('待就诊（2）')
    expect(tab('待就诊').getAttribute('aria-current')).toBe('true')
    expect(shown()).toEqual([
      ['待支付', '2026年11月25日 周三 14:00–14:30'],
      ['预约成功', '2026年11月22日 周日 09:00–09:30'],
    ])
    expect(view!.container.querySelector('.appointment-row')?.textContent).toContain('就诊人 *伟 · 第 8 号')
  })

  it('shows past and cancelled ones under 历史', async () => {
    await renderAppointments()
    await view!.click(tab('历史'))
    expect(tab('历史').getAttribute('aria-current')).toBe('true')
    expect(tab('历史').textContent).toBe('历史（2）')
    expect(shown()).toEqual([
      ['已取消', '2026年11月22日 周日 09:00–09:30'],
      ['已过就诊时间', '2026年10月9日 周五 09:00–09:30'],
    ])
  })

  it('opens an appointment and reads the list again on the way back', async () => {
    const hospital = await renderAppointments()
    await view!.click(view!.container.querySelector('.appointment-row')!)
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: '/packages/hospital/pages/appointment/index?id=00000000-0000-4000-8000-0000000000a4' })
    hospital.listAppointments.mockResolvedValue([{ ...LIST[0]!, status: 'booked' }, ...LIST.slice(1)])
    await act(async () => {
      coverPage()
      uncoverPage()
    })
    await flush()
    expect(shown()[0]![0]).toBe('预约成功')
  })

  it('says when a tab is empty', async () => {
    vi.resetModules()
    const hospital = vi.mocked(await import('../../src/services/hospital-api'))
    const { default: AppointmentsPage } = await import('../../src/packages/hospital/pages/appointments/index')
    hospital.listAppointments.mockResolvedValue([])
    view = await render(<AppointmentsPage />)
    await flush()
    expect(view.container.textContent).toContain('暂无待就诊的预约')
    await view.click(tab('历史'))
    expect(view.container.textContent).toContain('暂无历史预约')
  })
})

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTaro, resetFakeTaro, setRouteParams } from '../unit/helpers/fake-taro'
import { DATES, DEPARTMENTS, DOCTORS, HOSPITAL, NOW, schedule, SERVICE, slot } from './hospital-fixtures'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/hospital-api', async () => (await import('./hospital-mocks')).hospitalApiMock())

let view: Rendered | undefined

const [GENERAL, WANG] = DOCTORS as [(typeof DOCTORS)[0], (typeof DOCTORS)[0]]
const FIRST_OPEN = '2026-11-22'

async function renderDepartment() {
  vi.resetModules()
  setRouteParams({ service: SERVICE, hospital: HOSPITAL.id, department: 'cardiology' })
  const hospital = vi.mocked(await import('../../src/services/hospital-api'))
  const { default: DepartmentPage } = await import('../../src/packages/hospital/pages/department/index')
  hospital.listHospitals.mockResolvedValue([HOSPITAL])
  hospital.listDepartments.mockResolvedValue(DEPARTMENTS)
  hospital.listDoctors.mockResolvedValue(DOCTORS)
  hospital.getBookingDates.mockResolvedValue(DATES)
  hospital.getDaySchedule.mockImplementation(async (_s, _h, date) =>
    schedule(date, [
      slot(GENERAL, date, '08:00', { status: 'passed' }),
      slot(GENERAL, date, '08:30', { remaining: 7 }),
      slot(GENERAL, date, '14:00', { status: 'full', remaining: 0 }),
      slot(WANG, date, '09:00', { remaining: 1 }),
    ]),
  )
  view = await render(<DepartmentPage />)
  await flush()
  await flush()
  return hospital
}

const chips = () => [...view!.container.querySelectorAll<HTMLElement>('.date-chip')]
const chip = (date: string) => chips()[DATES.dates.findIndex((d) => d.date === date)]!

describe('选择号源', () => {
  beforeEach(() => {
    resetFakeTaro()
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
  })
  afterEach(() => {
    view?.unmount()
    vi.useRealTimers()
  })

  it('shows every date of the window, greying those that cannot be booked with why', async () => {
    const hospital = await renderDepartment()
    expect(hospital.getBookingDates).toHaveBeenCalledWith(SERVICE, HOSPITAL.id, { departmentId: 'cardiology', doctorId: undefined })
    expect(chips().map((c) => c.textContent)).toEqual([
      '今天11-20约满',
      '明天11-21休',
      '班周日11-22余 14',
      '周一11-23余 9',
      '休周二11-24国庆节',
      '周三11-25余 6',
      '周四11-2608:00 放号',
    ])
    const off = chips().filter((c) => c.getAttribute('aria-disabled') === 'true')
    expect(off.map((c) => c.querySelector('.date-chip__note')?.textContent)).toEqual(['约满', '休', '国庆节', '08:00 放号'])
    expect(off.every((c) => c.classList.contains('date-chip--off'))).toBe(true)
    expect(chip('2026-11-24').getAttribute('aria-label')).toBe('休周二11-24国庆节，2026年11月24日 周二，国庆节，不可预约：国庆节假期门诊停诊')
    expect(chip('2026-11-26').getAttribute('aria-label')).toContain('11月20日 08:00 放号')
    // The make-up workday is bookable, marked 班, and chosen first.
    expect(chip(FIRST_OPEN).getAttribute('aria-disabled')).toBeNull()
    expect(chip(FIRST_OPEN).getAttribute('aria-current')).toBe('true')
    expect(chip(FIRST_OPEN).getAttribute('aria-label')).toContain('调休上班')
  })

  it('does not select a greyed date', async () => {
    const hospital = await renderDepartment()
    await view!.click(chip('2026-11-24'))
    await flush()
    expect(chip(FIRST_OPEN).getAttribute('aria-current')).toBe('true')
    expect(hospital.getDaySchedule).toHaveBeenCalledTimes(1)
    expect(hospital.getDaySchedule).toHaveBeenCalledWith(SERVICE, HOSPITAL.id, FIRST_OPEN, { departmentId: 'cardiology', doctorId: undefined })
  })

  it('shows the slots by doctor under 上午 and 下午 with the numbers left; full and passed ones disabled', async () => {
    await renderDepartment()
    expect(view!.container.textContent).toContain('2026年11月22日 周日 号源')
    const cards = [...view!.container.querySelectorAll('.doctor-slots')]
    expect(cards.map((c) => c.querySelector('[role="heading"]')?.textContent)).toEqual(['心血管内科普通门诊', '王建国'])
    expect(cards[0]!.textContent).toContain('普通门诊')
    expect(cards[0]!.textContent).toContain('挂号费 ¥15.00')
    expect(cards[1]!.textContent).toContain('擅长：冠心病介入治疗')
    const groups = [...cards[0]!.querySelectorAll('.slot-group')].map((g) => [
      g.querySelector('.slot-group__label')?.textContent,
      [...g.querySelectorAll('.slot')].map((s) => `${s.textContent}${s.getAttribute('aria-disabled') === 'true' ? ' (off)' : ''}`),
    ])
    expect(groups).toEqual([
      ['上午', ['08:00已过 (off)', '08:30余 7']],
      ['下午', ['14:00约满 (off)']],
    ])
  })

  it('opens 确认预约 for a slot on the chosen date', async () => {
    await renderDepartment()
    await view!.click(chip('2026-11-25'))
    await flush()
    await view!.click(view!.getByText('09:00余 1', '.slot'))
    const slotId = `${HOSPITAL.id}.${WANG.id}.2026-11-25.0900`
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({
      url: `/packages/hospital/pages/confirm/index?service=${SERVICE}&hospital=${HOSPITAL.id}&department=cardiology&date=2026-11-25&slot=${slotId}&doctor=${WANG.id}`,
    })
    // A disabled slot opens nothing.
    fakeTaro.navigateTo.mockClear()
    await view!.click(view!.getByText('14:00约满', '.slot'))
    expect(fakeTaro.navigateTo).not.toHaveBeenCalled()
  })

  it('narrows dates and slots to a chosen doctor, keeping the chosen date while it is bookable', async () => {
    const hospital = await renderDepartment()
    await view!.click(chip('2026-11-25'))
    await flush()
    const choices = [...view!.container.querySelectorAll('.doctor-picker .choice-chip')].map((c) => c.textContent)
    expect(choices).toEqual(['全部医生', '普通门诊', '王建国 主任医师'])
    await view!.click(view!.getByText('王建国 主任医师', '.choice-chip'))
    await flush()
    await flush()
    expect(hospital.getBookingDates).toHaveBeenLastCalledWith(SERVICE, HOSPITAL.id, { departmentId: 'cardiology', doctorId: WANG.id })
    expect(hospital.getDaySchedule).toHaveBeenLastCalledWith(SERVICE, HOSPITAL.id, '2026-11-25', { departmentId: 'cardiology', doctorId: WANG.id })
  })

  it('says so when nothing in the window can be booked', async () => {
    vi.resetModules()
    setRouteParams({ service: SERVICE, hospital: HOSPITAL.id, department: 'cardiology' })
    const hospital = vi.mocked(await import('../../src/services/hospital-api'))
    const { default: DepartmentPage } = await import('../../src/packages/hospital/pages/department/index')
    hospital.listHospitals.mockResolvedValue([HOSPITAL])
    hospital.listDepartments.mockResolvedValue(DEPARTMENTS)
    hospital.listDoctors.mockResolvedValue(DOCTORS)
    hospital.getBookingDates.mockResolvedValue({ ...DATES, dates: DATES.dates.filter((d) => !d.bookable) })
    view = await render(<DepartmentPage />)
    await flush()
    expect(view.container.textContent).toContain('近 4 天暂无可预约号源')
    expect(hospital.getDaySchedule).not.toHaveBeenCalled()
  })
})

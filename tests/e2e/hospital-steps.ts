import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { settled } from './browser'

/**
 * Bookable dates the citizen can still cancel online. 德阳市第一人民医院 lets
 * an appointment be cancelled until 17:00 the day before, so 今天 and 明天
 * are left out whatever the time of day.
 */
export const cancellableDates = (page: Page) =>
  page
    .locator('.hospital-department .date-chip:not(.date-chip--off)')
    .filter({ hasNot: page.locator('.date-chip__top', { hasText: /^(今天|明天)$/ }) })

/**
 * Opens `department` of the first campus listed that has such a date in its
 * window, from the hospital's home, and answers the campus's name. Normally
 * the first one; in a week of public holidays (国庆, 春节) the first people's
 * hospital is closed and the TCM hospital, which keeps holiday clinics, is next.
 */
export async function openDepartmentWithCancellableDate(page: Page, department: string): Promise<string> {
  const campuses = page.locator('.hospital-home .hospital-card')
  await campuses.first().waitFor()
  const count = await campuses.count()
  for (let i = 0; i < count; i++) {
    const campus = (await campuses.nth(i).locator('.list-row__title').innerText()).trim()
    await campuses.nth(i).click()
    await page.locator('.hospital-departments .subpage-title', { hasText: campus }).waitFor()
    // The campus's rules are on top of its departments.
    expect(await page.locator('.hospital-departments__rules').innerText()).toMatch(/放号.*可取消\/退号/)
    await page.locator('.hospital-departments .department-row', { hasText: department }).click()
    await page.locator('.hospital-department .subpage-title', { hasText: department }).waitFor()
    await page.locator('.hospital-department .date-chip').first().waitFor()
    await settled(page)
    if ((await cancellableDates(page).count()) > 0) return campus
    await page.goBack()
    await page.goBack()
    await settled(page)
  }
  throw new Error(`no campus has a ${department} date after tomorrow in its booking window`)
}

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

/** What one page measured in the browser: each element that breaks a 关怀模式 / 44 px rule, and axe's violations. */
export interface PageAudit {
  /** Smallest and largest font size (CSS px) of visible text. */
  minFont: number
  maxFont: number
  /** Visible text with a font size below the minimum, or a line height below 1.3 × its font size. */
  textProblems: string[]
  /** Visible interactive elements smaller than the minimum target. */
  targetProblems: string[]
  /** axe-core's violations (WCAG 2.1 A and AA), as `rule: target`. */
  axe: string[]
}

export interface AuditLimits {
  minFont: number
  minTarget: number
  minLineHeight: number
}

/** 关怀模式 (MIIT 适老化) and the normal mode's limits, in CSS px. */
export const CARE_LIMITS: AuditLimits = { minFont: 18, minTarget: 60, minLineHeight: 1.3 }
export const NORMAL_LIMITS: AuditLimits = { minFont: 0, minTarget: 44, minLineHeight: 1.3 }

/**
 * Targets exempt from the size rule because an equivalent control of full
 * size does the same (WCAG 2.5.8's equivalence exception): the city picker's
 * A–Z letters only scroll the list, whose rows and the search box reach every city.
 */
const EQUIVALENT_TARGETS = ['.city-index__letter']

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/**
 * Measures the page the app shows now (Taro's stationed page, its tab bar and
 * any dialog): computed font sizes and line heights of visible text, the boxes
 * of interactive elements, then runs axe-core on the same document.
 */
export async function auditPage(page: Page, limits: AuditLimits): Promise<PageAudit> {
  const measured = await page.evaluate(({ lim, exempt }) => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      return r.width > 0 && r.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
    }
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).slice(0, 2).join('.') : ''
      const text = (el.textContent ?? '').trim().slice(0, 16)
      return `${el.tagName.toLowerCase()}${cls ? '.' + cls : ''}「${text}」`
    }
    const textProblems: string[] = []
    let minFont = Infinity
    let maxFont = 0
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      // index.html's shell is painted before the scripts run and sits behind the first page from then on.
      if (el.closest('#app-shell')) continue
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')
      const isField = el.matches('input:not([type=hidden]), textarea')
      if ((!ownText && !isField) || !visible(el)) continue
      if (el.closest('[aria-hidden="true"]') && !ownText) continue
      const style = getComputedStyle(el)
      const size = parseFloat(style.fontSize)
      minFont = Math.min(minFont, size)
      maxFont = Math.max(maxFont, size)
      if (size < lim.minFont - 0.01) textProblems.push(`${describe(el)} font ${size.toFixed(1)}px`)
      const lineHeight = style.lineHeight === 'normal' ? NaN : parseFloat(style.lineHeight)
      if (!(lineHeight >= size * lim.minLineHeight - 0.01)) textProblems.push(`${describe(el)} line-height ${style.lineHeight} for ${size.toFixed(1)}px`)
    }
    const targetProblems: string[] = []
    const interactive = 'button, a[href], input:not([type=hidden]), textarea, select, [role=button], [role=link], [role=switch], [role=checkbox], [role=radio], [role=tab], [role=option]'
    for (const el of Array.from(document.querySelectorAll(interactive))) {
      if (!visible(el) || el.getAttribute('aria-hidden') === 'true' || exempt.some((sel) => el.matches(sel))) continue
      const r = el.getBoundingClientRect()
      if (r.width < lim.minTarget - 0.5 || r.height < lim.minTarget - 0.5) targetProblems.push(`${describe(el)} ${r.width.toFixed(0)}×${r.height.toFixed(0)}`)
    }
    return { minFont: minFont === Infinity ? 0 : minFont, maxFont, textProblems, targetProblems }
  }, { lim: limits, exempt: EQUIVALENT_TARGETS })
  // Evaluated through DevTools, not as a <script> the app's Content-Security-Policy would (rightly) refuse.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE_PATH, 'utf8'))
  const axe = await page.evaluate(async () => {
    const runner = (
      window as unknown as {
        axe: {
          getRules: (tags: string[]) => { ruleId: string; tags: string[] }[]
          run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>
        }
      }
    ).axe
    // axe's stable WCAG 2.1 A and AA rules; its experimental ones are not run by default either.
    const rules = runner.getRules(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).filter((r) => !r.tags.includes('experimental')).map((r) => r.ruleId)
    const result = await runner.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] })
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))
  })
  return { ...measured, axe }
}

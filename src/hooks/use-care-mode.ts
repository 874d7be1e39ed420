import { useEffect } from 'react'
import { selectCareOn, useCareStore } from '../stores/care-store'

/** The class on the document root that switches every design token (src/styles/_tokens.scss) to 关怀模式. */
export const CARE_CLASS = 'care'

/**
 * The class on a page's root view that switches the design tokens to
 * 关怀模式 below it. WeChat has no document root the app can class, so
 * every page carries it itself (H5 has both; the values are the same).
 */
export const CARE_PAGE_CLASS = 'page--care'

/** Whether 关怀模式 applies now (the citizen's choice, else the phone's font setting). */
export function useCareMode(): boolean {
  return useCareStore(selectCareOn)
}

/**
 * Keeps the H5 document root's `care` class in step with 关怀模式, so every
 * page, main package and subpackages alike, and Taro's own tab bar and
 * dialogs, take the large tokens without a line of their own.
 */
export function useCareRootClass(): void {
  const on = useCareMode()
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
    document.documentElement.classList.toggle(CARE_CLASS, on)
  }, [on])
}

/**
 * A page root's class names with the 关怀模式 class added while it applies:
 * every page's root view takes its class from here, in both builds.
 */
export function usePageClass(className: string): string {
  return useCareMode() ? `${className} ${CARE_PAGE_CLASS}` : className
}

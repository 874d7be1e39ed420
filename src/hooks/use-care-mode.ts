import { useEffect } from 'react'
import { selectCareOn, useCareStore } from '../stores/care-store'

/** The class on the document root that switches every design token (src/styles/_tokens.scss) to 关怀模式. */
export const CARE_CLASS = 'care'

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

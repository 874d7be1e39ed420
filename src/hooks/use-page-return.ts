import { useDidHide, useDidShow } from '@tarojs/taro'
import { useRef } from 'react'

/**
 * Calls `onReturn` when the page shows again after another page covered it
 * (back from a form or the cashier, or a tab switch). Not on the first show:
 * the page loads its data itself when it mounts.
 */
export function usePageReturn(onReturn: () => void): void {
  const hidden = useRef(false)
  const latest = useRef(onReturn)
  latest.current = onReturn
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    latest.current()
  })
}

import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { qrRefreshDelay } from '../../../domain/qr-validity'

/**
 * Asks for a fresh QR code shortly after the shown one expires, while the
 * page is on screen; a covered page waits (the page itself refreshes when it
 * shows again). `code` is the agency's latest answer, undefined while there
 * is none; each answer starts its own wait, even one that repeats the last
 * expiry (the code was fetched again before its window ended).
 */
export function useQrRefresh(code: { qrExpiresAt: string } | undefined, refresh: () => void): void {
  const [hidden, setHidden] = useState(false)
  useDidHide(() => setHidden(true))
  useDidShow(() => setHidden(false))
  useEffect(() => {
    if (code === undefined || hidden) return
    const timer = setTimeout(refresh, qrRefreshDelay(code.qrExpiresAt, Date.now()))
    return () => clearTimeout(timer)
    // `refresh` is stable (useRemote's reload).
  }, [code, hidden])
}

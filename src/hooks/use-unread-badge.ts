import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { getUnreadCount } from '../services/messages-api'
import { useSessionStore } from '../stores/session-store'
import { usePageReturn } from './use-page-return'

/** 我的 is the second tab (app.config.ts). */
const ME_TAB_INDEX = 1

/** The tab's badge text: WeChat shows at most a few characters. */
export const badgeText = (unread: number) => (unread > 99 ? '99+' : String(unread))

function showTabBadge(unread: number): void {
  try {
    const shown = unread > 0 ? Taro.setTabBarBadge({ index: ME_TAB_INDEX, text: badgeText(unread) }) : Taro.removeTabBarBadge({ index: ME_TAB_INDEX })
    void Promise.resolve(shown).catch(() => undefined)
  } catch {
    // No tab bar here (a page outside the tabs, or before it rendered): the 消息 entry still shows the count.
  }
}

/**
 * 消息's unread count, shown as the badge of the 我的 tab (weapp and H5) and
 * returned for the 消息 entry. Asked only with a session (it never logs in
 * by itself); refreshed whenever the page shows again.
 */
export function useUnreadBadge(): number {
  const hasSession = useSessionStore((s) => s.token !== null)
  const [unread, setUnread] = useState(0)
  const refresh = useCallback(() => {
    if (!hasSession) {
      setUnread(0)
      showTabBadge(0)
      return
    }
    getUnreadCount().then(
      (n) => {
        setUnread(n)
        showTabBadge(n)
      },
      () => undefined,
    )
  }, [hasSession])
  useEffect(refresh, [refresh])
  usePageReturn(refresh)
  return unread
}

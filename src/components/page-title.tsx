import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { BackButton } from './back-button'
import './page-title.scss'

/** A subpage's title (its one level-1 heading), with 返回 before it in H5. */
export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <View className="page-title">
      <BackButton />
      <View className="subpage-title page-title__text" role="heading" aria-level={1}>
        {children}
      </View>
    </View>
  )
}

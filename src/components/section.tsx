import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

interface SectionProps {
  /** Unique on the page: the heading's id, which names the region for screen readers. */
  id: string
  title: ReactNode
  className: string
  titleClassName: string
  children: ReactNode
}

/** A titled region: a level-2 heading that names it, then its content. */
export function Section({ id, title, className, titleClassName, children }: SectionProps) {
  return (
    <View className={className} role="region" aria-labelledby={id}>
      <View id={id} className={titleClassName} role="heading" aria-level={2}>
        {title}
      </View>
      {children}
    </View>
  )
}

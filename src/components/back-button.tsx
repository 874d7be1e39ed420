import { Text } from '@tarojs/components'
import { goBackOrHome } from '../services/navigation'
import { Pressable } from './pressable'
import './back-button.scss'

/**
 * 返回 for H5, where a subpage has no navigation bar of its own: back to the
 * page that opened it, or to the home tab when there is none (a deep link or
 * a reload). WeChat's navigation bar has its own, so the weapp shows nothing.
 */
export function BackButton() {
  if (process.env.TARO_ENV !== 'h5') return null
  return (
    <Pressable className="back-button" label="返回" onPress={goBackOrHome}>
      <Text className="back-button__arrow" aria-hidden="true">
        ‹
      </Text>
      <Text className="back-button__text">返回</Text>
    </Pressable>
  )
}

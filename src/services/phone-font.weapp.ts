import Taro from '@tarojs/taro'
import { isLargeFontSetting } from '../domain/large-font'

/** True when WeChat's font size is large (Taro picks this file for the weapp build; H5: phone-font.ts). */
export function phoneAsksForLargeText(): boolean {
  try {
    return isLargeFontSetting(Taro.getSystemInfoSync())
  } catch {
    return false
  }
}

import Taro from '@tarojs/taro'

/**
 * The phone's approximate position in WeChat (Taro picks this file for the
 * weapp build): picking the nearest city needs no more than WeChat's fuzzy
 * location, so the mini-program never asks for a precise one.
 */
export function readDevicePosition(): Promise<{ latitude: number; longitude: number }> {
  return Taro.getFuzzyLocation({ type: 'wgs84' })
}

import Taro from '@tarojs/taro'

/**
 * The browser's position (H5). The coordinates are rounded to about a
 * kilometre before they leave the device (services/api). The mini-program
 * build uses device-position.weapp.ts instead.
 */
export function readDevicePosition(): Promise<{ latitude: number; longitude: number }> {
  return Taro.getLocation({ type: 'wgs84' })
}

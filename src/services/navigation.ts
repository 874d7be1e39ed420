import Taro from '@tarojs/taro'

export const HOME_PAGE = '/pages/home/index'
export const CITY_PAGE = '/pages/city/index'
export const PRIVACY_PAGE = '/pages/privacy/index'

/** Opens the city picker on top of the current page. */
export function openCityPicker(): void {
  void Taro.navigateTo({ url: CITY_PAGE })
}

/** Opens the full privacy notice. */
export function openPrivacyPolicy(): void {
  void Taro.navigateTo({ url: PRIVACY_PAGE })
}

/** Back to the page that opened this one, or to home when there is none (an H5 deep link). */
export function goBackOrHome(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.switchTab({ url: HOME_PAGE })
}

/** A short message that disappears by itself. */
export function showNotice(title: string): void {
  void Taro.showToast({ title, icon: 'none', duration: 2000 })
}

import Taro from '@tarojs/taro'

export const HOME_PAGE = '/pages/home/index'
export const ME_PAGE = '/pages/me/index'
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

/** Back to the page that opened this one; without one (an H5 deep link), to `fallback` in its place. */
export function goBackOr(fallback: string): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else if (fallback === HOME_PAGE || fallback === ME_PAGE) void Taro.switchTab({ url: fallback })
  else void Taro.redirectTo({ url: fallback })
}

/**
 * The page on top, as a URL that opens it again (path and query), e.g. for a
 * page to come back to after a reload. The router's own bookkeeping
 * parameters are left out.
 */
export function currentPageUrl(): string {
  const router = Taro.getCurrentInstance().router
  if (!router) return HOME_PAGE
  const path = router.path.split('?')[0] ?? HOME_PAGE
  const query = Object.entries(router.params)
    .filter(([k, v]) => !k.startsWith('$') && k !== 'stamp' && typeof v === 'string' && v !== '')
    .map(([k, v]) => `${k}=${v}`)
  return `${path.startsWith('/') ? path : `/${path}`}${query.length ? `?${query.join('&')}` : ''}`
}

/** Opens `url` on top of the current page. */
export function openPage(url: string): void {
  void Taro.navigateTo({ url })
}

/** A short message that disappears by itself. */
export function showNotice(title: string): void {
  void Taro.showToast({ title, icon: 'none', duration: 2000 })
}

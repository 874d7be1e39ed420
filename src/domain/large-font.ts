/** What WeChat reports about the citizen's font size (wx.getSystemInfoSync / getAppBaseInfo). */
export interface FontSettings {
  /** 微信「字体大小」 in px; the standard size is 17. */
  fontSizeSetting?: number
  /** The same setting as a scale, 1 for the standard size. */
  fontSizeScaleFactor?: number
}

/** WeChat's standard font size: larger settings mean the citizen asked for bigger text. */
const STANDARD_FONT_PX = 17
/** Two steps above standard (17 → 20 px, about 1.18×) counts as large; one step is a matter of taste. */
const LARGE_SCALE = 1.15

/**
 * True when the phone's WeChat font setting is large enough that 关怀模式
 * should start on by itself. Either field may be missing (older clients,
 * H5): a missing field says nothing.
 */
export function isLargeFontSetting(settings: FontSettings): boolean {
  const { fontSizeScaleFactor: scale, fontSizeSetting: px } = settings
  if (typeof scale === 'number' && scale >= LARGE_SCALE) return true
  return typeof px === 'number' && px / STANDARD_FONT_PX >= LARGE_SCALE
}

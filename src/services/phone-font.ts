/**
 * Whether the phone asks for large text. Never in H5, where the browser's
 * zoom already applies; the mini-program build uses phone-font.weapp.ts,
 * which reads WeChat's font setting. A file per platform (as
 * device-position.ts), so H5 does not load Taro's system-info code and the
 * browser-detection library behind it on every first screen.
 */
export function phoneAsksForLargeText(): boolean {
  return false
}

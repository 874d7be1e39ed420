import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * WeChat's private APIs (小程序用户隐私保护指引: the interfaces and components
 * that need a declaration and the user's consent), by the name the guide uses.
 */
export const WECHAT_PRIVATE_APIS = [
  'getLocation', 'getFuzzyLocation', 'chooseLocation', 'choosePoi', 'startLocationUpdate', 'startLocationUpdateBackground',
  'onLocationChange', 'chooseImage', 'chooseMedia', 'chooseVideo', 'chooseMessageFile', 'saveImageToPhotosAlbum',
  'saveVideoToPhotosAlbum', 'setClipboardData', 'getClipboardData', 'chooseAddress', 'chooseInvoice', 'chooseInvoiceTitle',
  'chooseLicensePlate', 'getWeRunData', 'addPhoneContact', 'addPhoneCalendar', 'addPhoneRepeatCalendar',
  'openBluetoothAdapter', 'createBLEPeripheralServer', 'startRecord', 'getRecorderManager', 'joinVoIPChat',
  'createCameraContext', 'createVKSession', 'createLivePusherContext', 'getUserInfo', 'getUserProfile',
] as const

/** Button open-types and components that are private in the same guide. */
const PRIVATE_OPEN_TYPES = ['getPhoneNumber', 'getRealtimePhoneNumber', 'chooseAvatar', 'getUserInfo']
const PRIVATE_COMPONENTS = ['Camera', 'LivePusher', 'VoipRoom']

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** The files the weapp build compiles: not H5-only files, nor defaults a `.weapp` file replaces (Taro's multi-platform files). */
export function weappSourceFiles(root: string): string[] {
  return sourceFiles(root).filter((path) => {
    if (/\.h5\.tsx?$/.test(path)) return false
    if (/\.weapp\.tsx?$/.test(path)) return true
    return !['.weapp.ts', '.weapp.tsx'].some((ext) => existsSync(path.replace(/\.tsx?$/, ext)))
  })
}

/** The private APIs a source text calls (`Taro.x`/`wx.x`), and private open-types and components it renders. */
export function privateApisIn(source: string): Set<string> {
  const found = new Set<string>()
  for (const api of WECHAT_PRIVATE_APIS) if (new RegExp(`\\b(?:Taro|wx)\\.${api}\\b`).test(source)) found.add(api)
  for (const type of PRIVATE_OPEN_TYPES) if (new RegExp(`open-?[tT]ype=["']${type}["']`).test(source)) found.add(`open-type=${type}`)
  for (const component of PRIVATE_COMPONENTS) if (new RegExp(`<${component}\\b`).test(source)) found.add(`<${component}>`)
  if (/type=["']nickname["']/.test(source)) found.add('input type=nickname')
  return found
}

/** The private APIs the weapp's source calls, with the files that call each. */
export function scanWeappPrivateApis(root: string): Map<string, string[]> {
  const calls = new Map<string, string[]>()
  for (const file of weappSourceFiles(root)) {
    for (const api of privateApisIn(readFileSync(file, 'utf8'))) calls.set(api, [...(calls.get(api) ?? []), file])
  }
  return calls
}

/** The APIs declared in the guide's table (the backticked second column of 声明的隐私接口). */
export function declaredApis(guide: string): string[] {
  const section = guide.split('## 声明的隐私接口')[1]?.split('\n## ')[0] ?? ''
  return [...section.matchAll(/^\|[^|]*\|\s*`([^`]+)`/gm)].map((m) => m[1] as string)
}

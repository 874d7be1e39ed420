import Taro from '@tarojs/taro'

/** Every key this app writes starts with this, so it never collides with Taro's or a web-view's own keys. */
export const STORAGE_NAMESPACE = 'onecity:'

/** The key under which `key` is stored on the device. */
export function storageKey(key: string): string {
  return STORAGE_NAMESPACE + key
}

/**
 * The JSON value saved under `key` by {@link writeStorage}; undefined when it
 * is absent or unreadable (a corrupt entry must never break the app's start).
 */
export function readStorage<T>(key: string): T | undefined {
  try {
    const raw: unknown = Taro.getStorageSync(storageKey(key))
    if (typeof raw !== 'string' || raw === '') return undefined
    return JSON.parse(raw) as T
  } catch {
    return undefined
  }
}

/** Saves `value` as JSON under `key`. False when the device refused (quota, private mode). */
export function writeStorage(key: string, value: unknown): boolean {
  try {
    Taro.setStorageSync(storageKey(key), JSON.stringify(value))
    return true
  } catch {
    return false
  }
}

/** Forgets `key`; missing keys are fine. */
export function removeStorage(key: string): void {
  try {
    Taro.removeStorageSync(storageKey(key))
  } catch {
    // Nothing to undo: the entry is either gone or unreachable.
  }
}

import { randomToken } from './random-token'
import { readStorage, writeStorage } from './storage'

const KEY = 'device-user'
const LENGTH = 24

/**
 * The simulated WeChat user of this device (H5 only, where there is no
 * wx.login): a random id made once and kept, so the same phone is the same
 * citizen across sessions. It identifies nothing outside this platform.
 */
export function getDeviceUserId(): string {
  const saved = readStorage<string>(KEY)
  if (typeof saved === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(saved)) return saved
  const id = randomToken(LENGTH)
  writeStorage(KEY, id)
  return id
}

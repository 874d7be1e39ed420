import { readStorage, writeStorage } from './storage'

const KEY = 'device-user'
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const LENGTH = 24

function randomId(): string {
  const bytes = new Uint8Array(LENGTH)
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(bytes)
  else for (let i = 0; i < LENGTH; i++) bytes[i] = Math.floor(Math.random() * 256)
  return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('')
}

/**
 * The simulated WeChat user of this device (H5 only, where there is no
 * wx.login): a random id made once and kept, so the same phone is the same
 * citizen across sessions. It identifies nothing outside this platform.
 */
export function getDeviceUserId(): string {
  const saved = readStorage<string>(KEY)
  if (typeof saved === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(saved)) return saved
  const id = randomId()
  writeStorage(KEY, id)
  return id
}

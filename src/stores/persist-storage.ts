import type { PersistStorage, StorageValue } from 'zustand/middleware'
import { readStorage, removeStorage, writeStorage } from '../services/storage'

/**
 * zustand `persist` storage on the device's Taro storage (synchronous, so a
 * store is hydrated the moment it is created: the app starts with the city
 * the citizen chose last time, without a flash of "no city").
 */
export function createTaroPersistStorage<S>(): PersistStorage<S> {
  return {
    getItem: (name) => readStorage<StorageValue<S>>(name) ?? null,
    setItem: (name, value) => {
      writeStorage(name, value)
    },
    removeItem: (name) => removeStorage(name),
  }
}

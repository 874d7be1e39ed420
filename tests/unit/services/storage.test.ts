import { beforeEach, describe, expect, it, vi } from 'vitest'
import { deviceStorage, fakeTaro, resetFakeTaro } from '../helpers/fake-taro'
import { readStorage, removeStorage, storageKey, writeStorage } from '../../../src/services/storage'

vi.mock('@tarojs/taro', () => import('../helpers/fake-taro'))

describe('storage', () => {
  beforeEach(() => resetFakeTaro())

  it('namespaces every key', () => {
    expect(storageKey('city')).toBe('onecity:city')
    writeStorage('city', { code: '510600' })
    expect([...deviceStorage.keys()]).toEqual(['onecity:city'])
  })

  it('stores JSON and reads it back', () => {
    writeStorage('prefs', { big: true, list: [1, 2] })
    expect(deviceStorage.get('onecity:prefs')).toBe('{"big":true,"list":[1,2]}')
    expect(readStorage('prefs')).toEqual({ big: true, list: [1, 2] })
  })

  it('reads a missing key as undefined', () => {
    expect(readStorage('nothing')).toBeUndefined()
  })

  it('reads a corrupt entry as undefined instead of throwing', () => {
    deviceStorage.set('onecity:broken', '{not json')
    expect(readStorage('broken')).toBeUndefined()
    deviceStorage.set('onecity:object', { stored: 'by someone else' })
    expect(readStorage('object')).toBeUndefined()
  })

  it('reports a refused write instead of throwing', () => {
    fakeTaro.setStorageSync.mockImplementationOnce(() => {
      throw new Error('exceed storage max size 10M')
    })
    expect(writeStorage('big', 'x')).toBe(false)
    expect(writeStorage('small', 'x')).toBe(true)
  })

  it('removes a key', () => {
    writeStorage('city', 1)
    removeStorage('city')
    expect(deviceStorage.has('onecity:city')).toBe(false)
    expect(() => removeStorage('never-written')).not.toThrow()
  })
})

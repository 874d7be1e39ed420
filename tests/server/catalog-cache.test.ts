import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCatalogCache } from '../../server/modules/catalog/catalog-cache'

/** A fake database whose catalog version the test sets; counts version reads. */
function fakeDb(version = '1') {
  const state = { version, reads: 0 }
  return {
    state,
    db: {
      async query<T>(): Promise<T[]> {
        state.reads++
        return [{ version: state.version }] as T[]
      },
    },
  }
}

afterEach(() => vi.useRealTimers())

describe('createCatalogCache', () => {
  it('builds once per key while the version is unchanged, and reads the version at most once per max age', async () => {
    vi.useFakeTimers()
    const { db, state } = fakeDb()
    const cache = createCatalogCache(db, 1000)
    const build = vi.fn(async () => '{"a":1}')
    for (let i = 0; i < 5; i++) expect((await cache.get('440300', build)).body.toString()).toBe('{"a":1}')
    expect(build).toHaveBeenCalledTimes(1)
    expect(state.reads).toBe(1)

    vi.advanceTimersByTime(1001)
    await cache.get('440300', build)
    expect(state.reads).toBe(2)
    expect(build).toHaveBeenCalledTimes(1)
  })

  it('rebuilds after another process changed the catalog, once the max age passed', async () => {
    vi.useFakeTimers()
    const { db, state } = fakeDb('7')
    const cache = createCatalogCache(db, 1000)
    let n = 0
    const build = async () => `{"n":${++n}}`
    const first = await cache.get('510600', build)
    expect(first.etag).toBe('"c7.2-510600"')

    state.version = '8'
    expect((await cache.get('510600', build)).body.toString()).toBe('{"n":1}') // still within max age: stale by design
    vi.advanceTimersByTime(1000)
    const fresh = await cache.get('510600', build)
    expect({ body: fresh.body.toString(), etag: fresh.etag }).toEqual({ body: '{"n":2}', etag: '"c8.2-510600"' })
  })

  it('with max age 0 sees every change at once and keeps keys apart', async () => {
    const { db, state } = fakeDb()
    const cache = createCatalogCache(db, 0)
    expect((await cache.get('a', async () => 'A1')).body.toString()).toBe('A1')
    expect((await cache.get('b', async () => 'B1')).body.toString()).toBe('B1')
    state.version = '2'
    expect((await cache.get('a', async () => 'A2')).body.toString()).toBe('A2')
  })

  it('does not keep an answer built while the catalog changed under it', async () => {
    const { db, state } = fakeDb()
    const cache = createCatalogCache(db, 0)
    const stale = cache.get('a', async () => {
      state.version = '2'
      await cache.get('b', async () => 'B') // another request notices the new version meanwhile
      return 'A-old'
    })
    expect((await stale).body.toString()).toBe('A-old')
    expect((await cache.get('a', async () => 'A-new')).body.toString()).toBe('A-new')
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import { fetchTransport, NetworkError } from '../../../src/services/http'

vi.mock('@tarojs/taro', () => import('../helpers/fake-taro'))

function answer(status: number, body: string) {
  return { status, text: () => Promise.resolve(body) }
}

describe('fetchTransport (H5)', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('parses a JSON answer and keeps the status', async () => {
    const fetch = vi.fn().mockResolvedValue(answer(404, '{"error":{"code":"X","message":"m"}}'))
    vi.stubGlobal('fetch', fetch)
    const res = await fetchTransport({ url: '/v1/catalog?city=1', method: 'GET', timeout: 1000 })
    expect(res).toEqual({ statusCode: 404, data: { error: { code: 'X', message: 'm' } } })
    const init = fetch.mock.calls[0]?.[1] as { method: string; body: unknown; headers: Record<string, string> }
    expect(fetch.mock.calls[0]?.[0]).toBe('/v1/catalog?city=1')
    expect(init.method).toBe('GET')
    expect(init.body).toBeUndefined()
    expect(init.headers['Content-Type']).toBeUndefined()
  })

  it('reads a body that is not JSON as null', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(502, '<html>')))
    await expect(fetchTransport({ url: '/x', method: 'GET', timeout: 1000 })).resolves.toEqual({ statusCode: 502, data: null })
  })

  it('sends JSON bodies', async () => {
    const fetch = vi.fn().mockResolvedValue(answer(200, '{}'))
    vi.stubGlobal('fetch', fetch)
    await fetchTransport({ url: '/x', method: 'POST', data: { a: 1 }, timeout: 1000 })
    const init = fetch.mock.calls[0]?.[1] as { body: unknown; headers: Record<string, string> }
    expect(init.body).toBe('{"a":1}')
    expect(init.headers['Content-Type']).toBe('application/json')
  })

  it('turns a failed fetch into a NetworkError', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    await expect(fetchTransport({ url: '/x', method: 'GET', timeout: 1000 })).rejects.toBeInstanceOf(NetworkError)
  })

  it('aborts a call that takes longer than the timeout', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: { signal: AbortSignal }) =>
          new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted')))),
      ),
    )
    await expect(fetchTransport({ url: '/slow', method: 'GET', timeout: 20 })).rejects.toBeInstanceOf(NetworkError)
  })
})

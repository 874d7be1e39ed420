import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTaro, httpAnswer, resetFakeTaro } from '../helpers/fake-taro'
import { API_BASE, ApiError, buildUrl, chineseMessage, errorMessage, request, toApiError } from '../../../src/services/request'

vi.mock('@tarojs/taro', () => import('../helpers/fake-taro'))

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiError) return error
    throw new Error(`expected an ApiError, got ${String(error)}`)
  }
  throw new Error('expected the call to fail')
}

describe('buildUrl', () => {
  it('uses the mini-program API base outside H5', () => {
    expect(API_BASE).toBe(process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000')
    expect(buildUrl('/v1/cities')).toBe(`${API_BASE}/v1/cities`)
  })

  it('encodes the query and leaves out undefined values', () => {
    expect(buildUrl('/v1/cities', { q: '重庆', limit: 5, empty: undefined })).toBe(`${API_BASE}/v1/cities?q=%E9%87%8D%E5%BA%86&limit=5`)
  })
})

describe('chineseMessage', () => {
  it('keeps the Chinese half of a bilingual message', () => {
    expect(chineseMessage('No city has code 999999 / 没有代码为 999999 的城市')).toBe('没有代码为 999999 的城市')
  })

  it('joins several validation messages', () => {
    expect(chineseMessage('query parameter lat is required / 缺少参数 lat; query parameter lng is required / 缺少参数 lng')).toBe('缺少参数 lat；缺少参数 lng')
  })

  it('also finds the Chinese half when it comes first', () => {
    expect(chineseMessage('现场处罚决定书，请按决定书注明的方式缴款 / on-site ticket: pay as the ticket says')).toBe('现场处罚决定书，请按决定书注明的方式缴款')
    expect(chineseMessage('只有中文')).toBe('只有中文')
  })

  it('returns a message without Chinese unchanged', () => {
    expect(chineseMessage('Bad gateway')).toBe('Bad gateway')
  })
})

describe('request', () => {
  beforeEach(() => resetFakeTaro())

  it('resolves with the JSON body of a 2xx answer', async () => {
    fakeTaro.request.mockResolvedValueOnce(httpAnswer(200, { cities: [] }))
    await expect(request('/v1/cities', { query: { q: 'cq' } })).resolves.toEqual({ cities: [] })
    const options = fakeTaro.request.mock.calls[0]?.[0] as { url: string; method: string; header: Record<string, string> }
    expect(options.url).toBe(`${API_BASE}/v1/cities?q=cq`)
    expect(options.method).toBe('GET')
    expect(options.header.Accept).toBe('application/json')
  })

  it("turns the platform's error body into an ApiError with the server's code and Chinese message", async () => {
    fakeTaro.request.mockResolvedValueOnce(
      httpAnswer(404, {
        error: {
          code: 'CITY_NOT_FOUND',
          message: 'No city has code 999999 / 没有代码为 999999 的城市',
          details: [{ path: 'querystring.city', message: 'no city has code 999999' }],
        },
      }),
    )
    const error = await caught(request('/v1/catalog', { query: { city: '999999' } }))
    expect(error).toBeInstanceOf(Error)
    expect(error.code).toBe('CITY_NOT_FOUND')
    expect(error.status).toBe(404)
    expect(error.message).toBe('没有代码为 999999 的城市')
    expect(error.serverMessage).toBe('No city has code 999999 / 没有代码为 999999 的城市')
    expect(error.details).toEqual([{ path: 'querystring.city', message: 'no city has code 999999' }])
    expect(errorMessage(error)).toBe('没有代码为 999999 的城市')
  })

  it('gives a Chinese message for an error answer without the error body', async () => {
    fakeTaro.request.mockResolvedValueOnce(httpAnswer(502, '<html>Bad gateway</html>'))
    const error = await caught(request('/v1/cities'))
    expect(error.code).toBe('HTTP_502')
    expect(error.status).toBe(502)
    expect(error.message).toContain('服务暂时不可用')
  })

  it('reports a network failure as NETWORK_ERROR with status 0', async () => {
    fakeTaro.request.mockRejectedValueOnce({ errMsg: 'request:fail timeout' })
    const error = await caught(request('/v1/cities'))
    expect(error.code).toBe('NETWORK_ERROR')
    expect(error.status).toBe(0)
    expect(error.message).toBe('网络连接失败，请检查网络后重试')
  })

  it('rejects a 2xx answer whose body is not JSON', async () => {
    fakeTaro.request.mockResolvedValueOnce(httpAnswer(200, 'OK'))
    const error = await caught(request('/v1/cities'))
    expect(error.code).toBe('BAD_RESPONSE')
  })

  it('sends a JSON body with its content type', async () => {
    fakeTaro.request.mockResolvedValueOnce(httpAnswer(201, { ok: true }))
    await request('/v1/things', { method: 'POST', data: { a: 1 } })
    const options = fakeTaro.request.mock.calls[0]?.[0] as { method: string; data: unknown; header: Record<string, string> }
    expect(options.method).toBe('POST')
    expect(options.data).toEqual({ a: 1 })
    expect(options.header['Content-Type']).toBe('application/json')
  })
})

describe('toApiError', () => {
  it('ignores a body that only looks like an error', () => {
    expect(toApiError(400, { error: 'nope' }).code).toBe('BAD_RESPONSE')
    expect(toApiError(400, { error: { code: 'X', message: 'Bad / 错误' } }).details).toEqual([])
  })
})

describe('request headers and empty answers', () => {
  beforeEach(() => resetFakeTaro())

  it('sends extra headers such as Authorization', async () => {
    fakeTaro.request.mockResolvedValueOnce(httpAnswer(200, { ok: true }))
    await request('/v1/me', { headers: { Authorization: 'Bearer t' } })
    const options = fakeTaro.request.mock.calls[0]?.[0] as { header: Record<string, string> }
    expect(options.header).toEqual({ Accept: 'application/json', Authorization: 'Bearer t' })
  })

  it('resolves a 204 No Content answer with undefined', async () => {
    fakeTaro.request.mockResolvedValueOnce(httpAnswer(204, ''))
    await expect(request('/v1/sessions/current', { method: 'DELETE' })).resolves.toBeUndefined()
  })
})

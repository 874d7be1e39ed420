import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from './test-app'

let app: FastifyInstance
beforeAll(async () => {
  app = await testApp()
})
afterAll(() => app.close())

describe('the platform’s edges', () => {
  it('GET /healthz answers ok when the database answers', async () => {
    const res = await app.inject('/healthz')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok' })
  })

  it.each(['/v1/nothing', '/v2/cities', '/v1/cities/nearest/more'])('unknown route %s → 404 in the error body', async (url) => {
    const res = await app.inject(url)
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toMatch(/application\/json/)
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringContaining(url), details: [] } })
  })

  it('a malformed JSON body gets a 4xx error body, not a stack trace', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/cities', headers: { 'content-type': 'application/json' }, payload: '{oops' })
    expect(res.statusCode).toBeGreaterThanOrEqual(400)
    expect(res.statusCode).toBeLessThan(500)
    expect(res.json().error.code).toBeTruthy()
    expect(res.body).not.toContain('node_modules')
  })

  it('serves the OpenAPI document with every public route and named schemas', async () => {
    const res = await app.inject('/openapi.json')
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/v1/cities', '/v1/cities/nearest', '/v1/catalog']))
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['City', 'CatalogService', 'ErrorBody', 'ServiceManifest']))
    // The typed contracts agencies implement are published in the same document.
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['traffic.ViolationList', 'hospital.Schedule', 'payment.PaymentNotification']))
  })

  it('serves the API docs page at /docs', async () => {
    const res = await app.inject('/docs')
    expect([200, 302]).toContain(res.statusCode)
  })
})

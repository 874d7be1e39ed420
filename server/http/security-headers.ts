import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import helmet, { type HelmetOptions } from 'helmet'

// The JSON API and everything else that is not a page: nothing may load, nobody may frame it.
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

/** What an answer sent before any hook runs (an unroutable URL) carries. */
export const BARE_ANSWER_HEADERS = { 'content-security-policy': API_CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' }
// Swagger UI: its own scripts, and the inline styles React sets.
const DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

export interface SecurityHeaderOptions {
  /** Where the H5 build is (its index.html's inline scripts are allowed by their hash). */
  h5Dir: string
  /** The origins of the agencies' pages the app frames (web-view services), from the catalog. */
  webviewOrigins: () => Promise<string[]>
  /** How long the origins are reused before the catalog is asked again (ms). */
  originsMaxAgeMs: number
  /** The public origin is https: browsers are told to keep to https (HSTS). */
  https: boolean
}

/** The sha256 source of each inline script of the H5 entry page (Taro's rem script), remembered per file version. */
function inlineScriptHashes(h5Dir: string): () => string[] {
  let seen: { mtimeMs: number; hashes: string[] } | undefined
  return () => {
    const file = join(h5Dir, 'index.html')
    let mtimeMs: number
    try {
      mtimeMs = statSync(file).mtimeMs
    } catch {
      return []
    }
    if (seen?.mtimeMs !== mtimeMs) {
      const html = readFileSync(file, 'utf8')
      const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
        (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
      )
      seen = { mtimeMs, hashes }
    }
    return seen.hashes
  }
}

/**
 * The H5 app's policy: its own scripts (and Taro's inline rem script by hash),
 * inline styles (Taro and React set style attributes), its own API, and the
 * agencies' pages it frames for web-view services; never framed itself.
 */
function h5Policy(scripts: string[], origins: string[]): string {
  const agencies = origins.join(' ')
  return [
    "default-src 'self'",
    `script-src 'self' ${scripts.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${agencies}`.trim(),
    `frame-src ${agencies || "'none'"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * Helmet's headers for these options, computed once. They depend on nothing
 * of a request (the content security policy, which would, is chosen per
 * answer below); @fastify/helmet built helmet anew for every request, a
 * twentieth of the busiest endpoint's time.
 */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  }
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => {})
  return headers
}

const isDocs = (request: FastifyRequest) => request.url === '/docs' || request.url.startsWith('/docs/') || request.url.startsWith('/docs?')

/**
 * Security headers on every response (04-platform.md; issue 16 finding 13):
 * helmet's set (nosniff, a referrer policy, X-Frame-Options, cross-origin
 * isolation of our resources) and a Content-Security-Policy with
 * frame-ancestors chosen by what is answered: an H5 page, the API docs, or
 * anything else (the API). The console sets its own stricter policy first.
 */
export async function registerSecurityHeaders(app: FastifyInstance, o: SecurityHeaderOptions): Promise<void> {
  const fixed = helmetHeaders({ contentSecurityPolicy: false, referrerPolicy: { policy: 'no-referrer' }, strictTransportSecurity: o.https ? { maxAge: 31_536_000 } : false })
  // First thing, as helmet did: a route or page may still set its own value of one of them.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(fixed)
    done()
  })
  const scripts = inlineScriptHashes(o.h5Dir)
  let origins: { at: number; list: Promise<string[]> } | undefined
  const currentOrigins = () => {
    if (!origins || Date.now() - origins.at > o.originsMaxAgeMs) {
      const list = o.webviewOrigins()
      origins = { at: Date.now(), list }
      // A failed lookup is not kept: the next page asks again.
      list.catch(() => (origins = undefined))
    }
    return origins.list
  }
  // A callback hook: only an H5 page waits (for the catalog's origins), every other answer goes on at once.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (reply.hasHeader('content-security-policy')) return done(null, payload)
    if (isDocs(request) || !/^text\/html/i.test(String(reply.getHeader('content-type') ?? ''))) {
      reply.header('content-security-policy', isDocs(request) ? DOCS_CSP : API_CSP)
      return done(null, payload)
    }
    currentOrigins()
      .catch(() => [])
      .then((origins) => h5Policy(scripts(), origins))
      .then((policy) => {
        reply.header('content-security-policy', policy)
        done(null, payload)
      }, done)
  })
}

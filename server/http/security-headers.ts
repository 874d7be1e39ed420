import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import fastifyHelmet from '@fastify/helmet'
import type { FastifyInstance, FastifyRequest } from 'fastify'

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

const isDocs = (request: FastifyRequest) => request.url === '/docs' || request.url.startsWith('/docs/') || request.url.startsWith('/docs?')

/**
 * Security headers on every response (04-platform.md; issue 16 finding 13):
 * helmet's set (nosniff, a referrer policy, X-Frame-Options, cross-origin
 * isolation of our resources) and a Content-Security-Policy with
 * frame-ancestors chosen by what is answered: an H5 page, the API docs, or
 * anything else (the API). The console sets its own stricter policy first.
 */
export async function registerSecurityHeaders(app: FastifyInstance, o: SecurityHeaderOptions): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    hsts: o.https ? { maxAge: 31_536_000 } : false,
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
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.hasHeader('content-security-policy')) return payload
    const type = String(reply.getHeader('content-type') ?? '')
    let policy = API_CSP
    if (isDocs(request)) policy = DOCS_CSP
    else if (/^text\/html/i.test(type)) policy = h5Policy(scripts(), await currentOrigins().catch(() => []))
    reply.header('content-security-policy', policy)
    return payload
  })
}

import type { Queryable } from '../../db/db'
import { readCatalogVersion } from './repository'

/**
 * The answer's shape, part of the ETag: bumped when the shape changes (2: search
 * keys), so a browser holding an answer of the old shape under an unchanged
 * catalog version gets the new one instead of a 304.
 */
export const ANSWER_FORMAT = 2

export interface CachedAnswer {
  /** UTF-8 bytes: sending a Buffer spares encoding and measuring the string on every request. */
  body: Buffer
  etag: string
}

/** A built answer that is right only until `expiresAt` (epoch ms), e.g. when a maintenance window starts or ends. */
export interface ExpiringAnswer {
  body: string
  expiresAt: number | undefined
}

export interface CatalogCache {
  /** The cached answer for the key, or the one `build` makes (then cached until the catalog changes or the answer expires). */
  get(key: string, build: () => Promise<string | ExpiringAnswer>): Promise<CachedAnswer>
}

interface Entry extends CachedAnswer {
  expiresAt: number | undefined
}

/**
 * Serialized catalog answers, kept while the catalog's version is unchanged.
 * A trigger bumps the version on every change to services or cities, by any
 * process; the cache looks at it at most once per `maxAgeMs`, so reads almost
 * never wait on the database and a change shows everywhere within `maxAgeMs`.
 * An answer that depends on the time (a maintenance window starting or
 * ending) is rebuilt once its `expiresAt` has passed.
 */
export function createCatalogCache(db: Queryable, maxAgeMs: number): CatalogCache {
  let version = ''
  let entries = new Map<string, Entry>()
  let checkedAt = -Infinity
  let checking: Promise<void> | undefined

  const check = () =>
    (checking ??= readCatalogVersion(db)
      .then((v) => {
        if (v !== version) {
          version = v
          entries = new Map()
        }
        checkedAt = performance.now()
      })
      .finally(() => {
        checking = undefined
      }))

  return {
    async get(key, build) {
      if (performance.now() - checkedAt >= maxAgeMs) await check()
      const hit = entries.get(key)
      if (hit && (hit.expiresAt === undefined || Date.now() < hit.expiresAt)) return hit
      // Built under this version: if the catalog changes meanwhile, the answer lands in the
      // discarded map and the next request builds afresh.
      const target = entries
      const built = await build()
      const { body, expiresAt } = typeof built === 'string' ? { body: built, expiresAt: undefined } : built
      // Within one version, the instant an answer expires tells its time apart from the others' (the last one has none).
      const etag = expiresAt === undefined ? `"c${version}.${ANSWER_FORMAT}-${key}"` : `"c${version}.${ANSWER_FORMAT}-${key}-${Math.floor(expiresAt / 1000)}"`
      const answer = { body: Buffer.from(body), etag, expiresAt }
      target.set(key, answer)
      return answer
    },
  }
}

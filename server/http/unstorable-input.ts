import type { FastifyReply, FastifyRequest } from 'fastify'
import { HttpError } from '../errors'

type Problem = { path: string; kind: 'nul' | 'number' }

/** Whether a value (or a key within it) holds a NUL character or a number that is not finite. */
function isUnstorable(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000')
  if (typeof value === 'number') return !Number.isFinite(value)
  return false
}

/**
 * Whether anything in `root` cannot be stored. The first pass of every
 * request, so it builds no paths (the busiest endpoint's batches have about
 * a hundred values); `findUnstorable` says where, once this found something.
 * Walks with its own stack: a 64 KiB body can nest deeper than the call stack reaches.
 */
function holdsUnstorable(root: unknown): boolean {
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const value = stack.pop()
    if (value === null || typeof value !== 'object') {
      if (isUnstorable(value)) return true
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push(value[i])
    } else {
      for (const key of Object.keys(value)) {
        if (key.includes('\u0000')) return true
        stack.push((value as Record<string, unknown>)[key])
      }
    }
  }
  return false
}

/** The first value no column can hold (a string or key with a NUL character, or `1e309`, which parses and coerces to Infinity), and where. */
function findUnstorable(root: unknown): Problem | undefined {
  const stack: [unknown, string][] = [[root, '']]
  while (stack.length > 0) {
    const [value, path] = stack.pop()!
    if (value === null || typeof value !== 'object') {
      if (isUnstorable(value)) return { path, kind: typeof value === 'number' ? 'number' : 'nul' }
    } else {
      for (const [key, item] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key
        if (key.includes('\u0000')) return { path: at, kind: 'nul' }
        stack.push([item, at])
      }
    }
  }
  return undefined
}

/**
 * A preHandler hook (after validation and its coercions) refusing what would
 * otherwise surface as a 500 deep in a repository: a NUL character anywhere
 * in what a caller sends (PostgreSQL cannot store U+0000 in text or jsonb),
 * and an infinite number (`?limit=1e309` → `LIMIT Infinity`). A callback
 * hook, not an async one: it runs on every request, and most have nothing to refuse.
 */
export function refuseUnstorableInput(request: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void): void {
  if (!holdsUnstorable(request.body) && !holdsUnstorable(request.query) && !holdsUnstorable(request.params)) return done()
  for (const [part, value] of [['body', request.body], ['querystring', request.query], ['params', request.params]] as const) {
    const problem = findUnstorable(value)
    if (!problem) continue
    const where = (problem.path ? `${part}.${problem.path}` : part).replace(/\u0000/g, '\\u0000')
    if (problem.kind === 'number') {
      return done(new HttpError(400, 'VALIDATION_FAILED', `${where} must be a finite number / 参数 ${where} 超出范围`, [{ path: where, message: 'not a finite number' }]))
    }
    return done(
      new HttpError(400, 'NUL_CHARACTER', `${where} contains a NUL character (U+0000), which is never valid text / ${where} 含有不可见的空字符（U+0000），请删除后重试`, [
        { path: where, message: 'contains U+0000' },
      ]),
    )
  }
  done()
}

import type { FastifyRequest } from 'fastify'
import { HttpError } from '../errors'

type Problem = { path: string; kind: 'nul' | 'number' }

/**
 * The first value no column can hold: a string or key with a NUL character,
 * or a number that is not finite (`1e309` parses, and the validator coerces,
 * to Infinity). Walks with its own stack: a 64 KiB body can nest deeper than
 * the call stack reaches.
 */
function findUnstorable(root: unknown): Problem | undefined {
  const stack: [unknown, string][] = [[root, '']]
  while (stack.length > 0) {
    const [value, path] = stack.pop()!
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { path, kind: 'nul' }
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) return { path, kind: 'number' }
    } else if (value !== null && typeof value === 'object') {
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
 * and an infinite number (`?limit=1e309` → `LIMIT Infinity`).
 */
export async function refuseUnstorableInput(request: FastifyRequest): Promise<void> {
  for (const [part, value] of [['body', request.body], ['querystring', request.query], ['params', request.params]] as const) {
    const problem = findUnstorable(value)
    if (!problem) continue
    const where = (problem.path ? `${part}.${problem.path}` : part).replace(/\u0000/g, '\\u0000')
    if (problem.kind === 'number') {
      throw new HttpError(400, 'VALIDATION_FAILED', `${where} must be a finite number / 参数 ${where} 超出范围`, [{ path: where, message: 'not a finite number' }])
    }
    throw new HttpError(400, 'NUL_CHARACTER', `${where} contains a NUL character (U+0000), which is never valid text / ${where} 含有不可见的空字符（U+0000），请删除后重试`, [
      { path: where, message: 'contains U+0000' },
    ])
  }
}

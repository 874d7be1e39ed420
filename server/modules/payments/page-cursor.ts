import { HttpError } from '../../errors'
import type { PageEnd } from './my-payments-repository'

/** The opaque cursor of 我的支付's next page: where this page ended, base64url. */
export function encodeCursor(end: PageEnd): string {
  return Buffer.from(JSON.stringify([end.createdAt, end.orderId])).toString('base64url')
}

/** The page end a cursor names; 400 BAD_CURSOR for one this API did not give out. */
export function decodeCursor(cursor: string): PageEnd {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === 'string') {
      const [createdAt, orderId] = value as [unknown, string]
      if (typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt))) return { createdAt, orderId }
    }
  } catch {
    // Not JSON: refused below like any other cursor this API did not give out.
  }
  throw new HttpError(400, 'BAD_CURSOR', 'Not a cursor of this list / 翻页参数无效，请从第一页重新加载')
}

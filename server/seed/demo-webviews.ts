import type { Queryable } from '../db/db'

/**
 * Points the demo's web-view services at their pages on the simulated
 * agencies' host (`<mock>/webview/<id>/h5/`, mock/webview), so the probes
 * measure real up and down time and a citizen's tap opens a page. Only the
 * demo's own endpoints move: the example.cn address it was seeded with, or
 * the loopback address of an earlier start (the port may change).
 */
export async function pointDemoWebviewsAt(db: Queryable, mockUrl: string): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `UPDATE services SET endpoint = $1 || '/webview/' || id || '/h5/'
     WHERE contract = 'webview'
       AND endpoint <> $1 || '/webview/' || id || '/h5/'
       AND (endpoint = 'https://' || id || '.services.example.cn/h5/' OR endpoint ~ ('^http://127\\.0\\.0\\.1:[0-9]+/webview/' || id || '/h5/$'))
     RETURNING id`,
    [mockUrl],
  )
  return rows.length
}

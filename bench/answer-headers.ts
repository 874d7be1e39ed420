import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Writes the headers of one of the platform's answers to a file a bare server
 * reads (its argument), so the baseline answers with the same headers
 * (caching, security headers), not only the same body; the ones node:http
 * sets itself are left out. Returns the file's path.
 */
export function writeAnswerHeaders(answer: Response, name: string): string {
  const headers = Object.fromEntries([...answer.headers].filter(([header]) => !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(header)))
  const file = join(tmpdir(), `onecity-${name}-${process.pid}.headers.json`)
  writeFileSync(file, JSON.stringify(headers))
  return file
}

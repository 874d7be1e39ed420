import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config'
import { createLogDestination } from '../../server/log-destination'

const dataDir = mkdtempSync(join(tmpdir(), 'onecity-logs-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

const collect = () => {
  const lines: string[] = []
  return { lines, stream: new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }) }
}
const request = `${JSON.stringify({ level: 30, msg: 'request completed', res: { statusCode: 200 } })}\n`
const problem = `${JSON.stringify({ level: 50, msg: 'background job failed', err: { message: 'connect ECONNREFUSED' } })}\n`
const write = (stream: Writable, line: string) => new Promise<void>((resolve) => stream.write(line, () => resolve()))

describe('npm start’s log lines', () => {
  it('go to a private server.log by default; only problems reach the console, one short line each', async () => {
    const config = loadConfig({ ONECITY_DATA_DIR: dataDir })
    expect(config.requestLog).toBe('file')
    const console = collect()
    const log = createLogDestination(config, console.stream)
    await write(log.stream, request)
    await write(log.stream, problem)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(log.file).toBe(join(dataDir, 'server.log'))
    expect(readFileSync(log.file!, 'utf8')).toBe(request + problem)
    expect(statSync(log.file!).mode & 0o777).toBe(0o600)
    expect(console.lines).toEqual(['[error] background job failed: connect ECONNREFUSED\n'])
  })

  it('off: nothing is kept, problems still reach the console', async () => {
    const console = collect()
    const log = createLogDestination(loadConfig({ ONECITY_DATA_DIR: dataDir, ONECITY_REQUEST_LOG: 'off' }), console.stream)
    await write(log.stream, request)
    await write(log.stream, problem)
    expect(log.file).toBeUndefined()
    expect(console.lines).toEqual(['[error] background job failed: connect ECONNREFUSED\n'])
  })

  it('a setting other than file, console or off stops the start with its name', () => {
    expect(() => loadConfig({ ONECITY_REQUEST_LOG: 'verbose' })).toThrow(/ONECITY_REQUEST_LOG must be file, console or off/)
  })
})

import { type WriteStream, createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import type { Config } from './config'

// pino's numeric levels: 40 is warn.
const WARN = 40
const LEVEL_NAMES: Record<number, string> = { 40: 'warn', 50: 'error', 60: 'fatal' }

/**
 * Where `npm start` sends the server's log lines (config.requestLog): every
 * line to `<data dir>/server.log` (private, appended), to the console, or
 * nowhere; warnings and errors also to `problems` (the console) as one short
 * line each, so a newcomer sees problems and not a stream of JSON.
 */
export function createLogDestination(config: Pick<Config, 'requestLog' | 'dataDir'>, problems: NodeJS.WritableStream = process.stderr): { stream: Writable; file?: string } {
  const file = config.requestLog === 'file' ? join(config.dataDir, 'server.log') : undefined
  const out: WriteStream | NodeJS.WritableStream | undefined = file ? createWriteStream(file, { flags: 'a', mode: 0o600 }) : config.requestLog === 'console' ? process.stdout : undefined
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = chunk.toString()
      out?.write(line)
      const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 0)
      if (level >= WARN && out !== process.stdout) problems.write(summarise(line, level))
      done()
    },
  })
  return file ? { stream, file } : { stream }
}

function summarise(line: string, level: number): string {
  try {
    const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } }
    return `[${LEVEL_NAMES[level] ?? 'warn'}] ${entry.msg ?? ''}${entry.err?.message ? `: ${entry.err.message}` : ''}\n`
  } catch {
    return line
  }
}

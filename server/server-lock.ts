import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { writePrivateFile } from './private-files'

const LOCK_FILE = 'server.lock'

/** Marks the data directory as served by this process (the embedded database allows one process). */
export function writeServerLock(dataDir: string, url: string): void {
  writePrivateFile(join(dataDir, LOCK_FILE), JSON.stringify({ pid: process.pid, url }))
}

export function removeServerLock(dataDir: string): void {
  rmSync(join(dataDir, LOCK_FILE), { force: true })
}

/** The server that holds the data directory, if its process is still alive. */
export function readServerLock(dataDir: string): { pid: number; url: string } | undefined {
  let lock: { pid: number; url: string }
  try {
    lock = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))
  } catch {
    return undefined
  }
  try {
    process.kill(lock.pid, 0) // signal 0: only asks whether the process exists
    return lock
  } catch {
    return undefined // a stale lock from a server that died
  }
}

import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { availableParallelism } from 'node:os'

/**
 * Cores for the load benchmarks (04-platform.md): the load generator (this
 * process) on core 0, the servers under test on the others, so a p99 measures
 * the server and not the two fighting over the same core. On one core nothing is pinned.
 */
const CORES = availableParallelism()
export const LOAD_CORE = '0'
export const SERVER_CORES = CORES > 1 ? `1-${CORES - 1}` : undefined
const hasTaskset = spawnSync('taskset', ['-V']).status === 0

/** Pins this process (every thread of it: autocannon's sockets and libuv's pool) to the load generator's core. */
export function pinLoadGenerator(): string | undefined {
  if (!SERVER_CORES || !hasTaskset) return undefined
  spawnSync('taskset', ['-a', '-p', '-c', LOAD_CORE, String(process.pid)], { stdio: 'ignore' })
  return LOAD_CORE
}

/** Gives this process every core back (the benchmarks after the load ones, and the browsers they start, run unpinned). */
export function unpinLoadGenerator(): void {
  if (!SERVER_CORES || !hasTaskset) return
  spawnSync('taskset', ['-a', '-p', '-c', `0-${CORES - 1}`, String(process.pid)], { stdio: 'ignore' })
}

/** A command line to run on the load generator's core (as it is where nothing is pinned): a client process of its own. */
export function onLoadCore(command: string[]): string[] {
  return SERVER_CORES && hasTaskset ? ['taskset', '-c', LOAD_CORE, ...command] : command
}

/** How the benchmarks were pinned, for the results. */
export function pinning() {
  return SERVER_CORES && hasTaskset ? { loadGenerator: `core ${LOAD_CORE}`, servers: `cores ${SERVER_CORES}` } : { loadGenerator: 'unpinned', servers: 'unpinned' }
}

/**
 * Starts a server script in its own Node process on the servers' cores (tsx
 * as a loader, and taskset exec's node, so the child is the server itself and
 * kill() stops it) and resolves with the URL it prints.
 */
export function serve(script: string, args: string[] = [], env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  // The database is the caller's choice: DATABASE_URL from `npm run bench`'s environment is for the
  // PostgreSQL runs (each on a throwaway database), never inherited by the embedded ones.
  const { DATABASE_URL: _inherited, ...inherited } = process.env
  const node = [process.execPath, '--import', 'tsx', script, ...args]
  const [command, ...rest] = SERVER_CORES && hasTaskset ? ['taskset', '-c', SERVER_CORES, ...node] : node
  const child = spawn(command!, rest, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...inherited, ...env } })
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve({ url: String(chunk).trim(), child }))
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)))
  })
}

import { spawn } from 'node:child_process'
import { resolve } from 'node:path'

/** What miniprogram-ci's getCompiledResult said about a project folder: the packed files with their bytes, or why not. */
export type CiResult = { ok: true; files: Record<string, number> } | { ok: false; code?: number; message: string }

const CHECK = resolve('tests/weapp/miniprogram-ci-check.ts')
const LOOPBACK_ONLY = resolve('tests/weapp/loopback-only.cjs')

/**
 * Validates app.json and every page's JSON (and packs the code as an upload
 * would) with WeChat's miniprogram-ci, in a child process of its own: the
 * library only ends by process.exit(). Never leaves loopback.
 */
export function miniprogramCiCheck(projectPath: string): Promise<CiResult> {
  return new Promise((done, fail) => {
    // Node ≥ 24 runs the TypeScript file itself; a loader would be inherited by the processes miniprogram-ci forks.
    const child = spawn(process.execPath, [CHECK, projectPath], {
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${LOOPBACK_ONLY}`.trim() },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', fail)
    child.on('close', (status) => {
      const last = out.trim().split('\n').pop() ?? ''
      try {
        done(JSON.parse(last) as CiResult)
      } catch {
        fail(new Error(`miniprogram-ci check ended (${status}) without a result:\n${out}\n${err}`))
      }
    })
  })
}

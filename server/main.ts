import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, openSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigError, loadConfig } from './config'
import { createLogDestination } from './log-destination'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, restrictNewFiles } from './private-files'
import { writeDemoTokens } from './seed/write-demo-tokens'
import { readServerLock, removeServerLock, writeServerLock } from './server-lock'
import { startPlatform } from './start-platform'

// The only file that listens. `npm start`: check configuration, serve at once (building the H5 app behind it if it is
// missing), print the URLs as soon as the server listens, and let the first start's demo fill in behind one progress line.
async function main() {
  let config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message)
      process.exit(2)
    }
    throw err
  }
  mkdirSync(config.dataDir, { recursive: true, mode: PRIVATE_DIR_MODE })
  const progress = progressLine()

  // Started before the umask closes: the H5 build is public. Until it is done, / says it is being built.
  const h5Build = existsSync(join(config.h5Dir, 'index.html')) ? undefined : buildH5(join(config.dataDir, 'h5-build.log'))

  // From here on every file this process makes is its user's only: PGlite's among them.
  restrictNewFiles()
  const other = config.databaseUrl ? undefined : readServerLock(config.dataDir)
  if (other) {
    console.error(`Another server (pid ${other.pid}, ${other.url}) already uses the embedded database in ${config.dataDir}; stop it or set ONECITY_DATA_DIR.`)
    h5Build?.kill()
    process.exit(1)
  }
  const log = createLogDestination(config)
  let demoTokensNote = ''
  const platform = await startPlatform(config, {
    logStream: log.stream,
    onProgress: progress.show,
    onDemoTokens(tokens) {
      const file = writeDemoTokens(config.dataDir, tokens)
      // Only to a person at a terminal: output redirected to a log file would keep the tokens where others may read them.
      demoTokensNote = process.stdout.isTTY
        ? `
Demo tokens (first start; all of them, incl. ${Object.keys(tokens.agencies).length} agency tokens, in ${file}):
  operator  ${tokens.operator}
  analyst   ${tokens.analyst}`
        : `
Demo tokens (first start): in ${file}, readable by you only.`
    },
    onListening(base) {
      progress.print(`
OneCity 城市服务 is running (${config.databaseUrl ? 'PostgreSQL server' : `embedded PGlite in ${config.dataDir}`})
  citizen H5 app   ${base}/${h5Build ? '   (being built, about a minute: the page says so until then)' : ''}
  API docs         ${base}/docs   (OpenAPI: ${base}/openapi.json)
  console          ${base}/console   (sign in with ${config.demo ? 'a demo token' : 'a token from "npm run cli -- token create --role operator"'})
  health           ${base}/healthz${demoTokensNote}
Logs: ${log.file ?? (config.requestLog === 'console' ? 'here' : 'off')}${log.file ? ' (warnings and errors also here)' : ''}. Stop with Ctrl+C.
`)
    },
    onMockAgencies(url) {
      progress.print(`Simulated agencies: ${url}   (their own HTTP server; ONECITY_MOCK_PORT=off to leave them out)\n`)
    },
  })
  if (!config.databaseUrl) {
    writeServerLock(config.dataDir, platform.url)
    // A lock left behind by kill -9 is harmless: readers check whether its pid still lives.
    process.once('exit', () => removeServerLock(config.dataDir))
  }
  if (platform.onboarded) {
    const { listed, failed } = platform.onboarded
    progress.show(`Demo onboarding: ${listed.length} services reviewed and listed${failed.length ? `, ${failed.length} failed review: ${failed.join(', ')}` : ''}`)
  }
  h5Build?.on('exit', (code) =>
    code === 0
      ? progress.show('The H5 app is built: reload the citizen H5 app page.')
      : progress.print(`The H5 build failed (see ${join(config.dataDir, 'h5-build.log')}); the API still serves. Run "npm run build:h5" to retry.\n`),
  )
  void platform.demoUsage?.then(() => progress.done())

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      h5Build?.kill()
      platform.stop().then(() => process.exit(0), () => process.exit(1))
    })
  }
}

/** Builds the H5 app in a child process, its output to `logFile` (the terminal stays readable). */
function buildH5(logFile: string): ChildProcess {
  const out = openSync(logFile, 'w', PRIVATE_FILE_MODE)
  return spawn('npx', ['taro', 'build', '--type', 'h5'], { stdio: ['ignore', out, out], env: { ...process.env, NODE_ENV: 'production' } })
}

/**
 * The first start's progress on one line: rewritten in place at a terminal,
 * one line per step otherwise (a log file). `print` writes a block above it.
 */
function progressLine() {
  const tty = process.stdout.isTTY
  let shown = false
  return {
    show(text: string) {
      if (tty) process.stdout.write(`\r\x1b[K${text}`)
      else console.log(text)
      shown = tty
    },
    print(text: string) {
      if (shown) process.stdout.write('\r\x1b[K')
      process.stdout.write(text.startsWith('\n') ? text.slice(1) : text)
      shown = false
    },
    done() {
      if (shown) process.stdout.write('\n')
      shown = false
    },
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})

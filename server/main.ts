import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigError, loadConfig } from './config'
import { restrictNewFiles } from './private-files'
import { writeDemoTokens } from './seed/write-demo-tokens'
import { readServerLock, removeServerLock, writeServerLock } from './server-lock'
import { startPlatform } from './start-platform'

// The only file that listens. `npm start`: check configuration, build the H5 app if it is missing, serve.
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

  if (!existsSync(join(config.h5Dir, 'index.html'))) {
    console.log('Building the H5 app (first start only, about a minute)…')
    const build = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
    if (build.status !== 0) console.error('The H5 build failed; the API still starts. Run "npm run build:h5" to see why.')
  }

  // From here on (the H5 build above is public) every file this process makes is its user's only: PGlite's among them.
  restrictNewFiles()
  const other = config.databaseUrl ? undefined : readServerLock(config.dataDir)
  if (other) {
    console.error(`Another server (pid ${other.pid}, ${other.url}) already uses the embedded database in ${config.dataDir}; stop it or set ONECITY_DATA_DIR.`)
    process.exit(1)
  }
  let demoTokensNote = ''
  const platform = await startPlatform(config, {
    onProgress: (line) => console.log(line),
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
  })
  const base = platform.url
  if (!config.databaseUrl) {
    writeServerLock(config.dataDir, base)
    // A lock left behind by kill -9 is harmless: readers check whether its pid still lives.
    process.once('exit', () => removeServerLock(config.dataDir))
  }
  console.log(`
OneCity 城市服务 is running (${config.databaseUrl ? 'PostgreSQL server' : `embedded PGlite in ${config.dataDir}`})
  citizen H5 app   ${base}/
  API docs         ${base}/docs   (OpenAPI: ${base}/openapi.json)
  console          ${base}/console   (sign in with ${config.demo ? 'a demo token' : 'a token from "npm run cli -- token create --role operator"'})
  health           ${base}/healthz${platform.mocks ? `
  simulated agencies ${platform.mocks.url}   (their own HTTP server; ONECITY_MOCK_PORT=off to leave them out)` : ''}${
    platform.onboarded ? `
Demo onboarding: ${platform.onboarded.listed.length} services reviewed and listed${platform.onboarded.failed.length ? `, ${platform.onboarded.failed.length} failed review: ${platform.onboarded.failed.join(', ')}` : ''}` : ''}${demoTokensNote}
Stop with Ctrl+C.`)

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      platform.stop().then(() => process.exit(0), () => process.exit(1))
    })
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})

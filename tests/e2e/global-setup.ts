import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** The browser tests run against the real H5 build; build it once if this checkout has none. */
export default function setup(): void {
  if (!existsSync('dist-h5/index.html')) {
    execFileSync('npx', ['taro', 'build', '--type', 'h5'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  }
}

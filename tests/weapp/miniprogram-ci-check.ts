// Child process (tests/weapp/miniprogram-ci.ts runs it): miniprogram-ci leaves handles open, so it
// must end with process.exit(). Prints one JSON line: what getCompiledResult answered (the packed files and their sizes).
import { generateKeyPairSync } from 'node:crypto'
import { createRequire } from 'node:module'

interface MiniprogramCi {
  DefaultProjectAttr: unknown
  Project: new (options: Record<string, unknown>) => unknown
  getCompiledResult(options: Record<string, unknown>): Promise<Record<string, string | Buffer>>
}

const ci = createRequire(import.meta.url)('miniprogram-ci') as MiniprogramCi
const projectPath = process.argv[2]
// A throwaway upload key: getCompiledResult never uploads, but a project needs one.
const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
})

async function check(): Promise<object> {
  try {
    const project = new ci.Project({
      appid: 'wx0000000000000000',
      type: 'miniProgram',
      projectPath,
      privateKey,
      ignores: ['node_modules/**/*'],
      // The project's attributes come from WeChat's server unless given: the published defaults.
      attr: () => ci.DefaultProjectAttr,
    })
    // Validation and packing only: WeChat's own minifying and transpiling (the project's minified: true) would add a minute.
    const setting = { es6: false, es7: false, minify: false, minifyJS: false, minifyWXML: false, minifyWXSS: false, autoPrefixWXSS: false }
    const files = await ci.getCompiledResult({ project, setting, onProgressUpdate: () => undefined })
    return { ok: true, files: Object.fromEntries(Object.entries(files).map(([path, content]) => [path, Buffer.byteLength(content)])) }
  } catch (error) {
    const { message, code } = error as { message?: string; code?: number }
    return { ok: false, code, message: message ?? String(error) }
  }
}

void check().then((result) => {
  process.stdout.write(`\n${JSON.stringify(result)}\n`)
  process.exit(0)
})

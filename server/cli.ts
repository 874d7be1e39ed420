import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from './config'
import { createSecretBox, resolveDataKey } from './crypto/secret-box'
import { migrate } from './db/migrate'
import { openDb } from './db/open-db'
import { HttpError } from './errors'
import { createToken } from './modules/auth/service'
import { ROLES, type Role } from './modules/auth/token'
import { seed } from './seed/seed'
import { readServerLock } from './server-lock'

const USAGE = `Usage: npm run cli -- token create --role agency|operator|analyst [--agency <agency id>] [--label <text>]`

/** `npm run cli -- …`: administrative commands that work on the configured database directly. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, agency: { type: 'string' }, label: { type: 'string' } },
  })
  if (positionals.join(' ') !== 'token create' || !values.role) {
    console.error(USAGE)
    return 2
  }
  if (!ROLES.includes(values.role as Role)) {
    console.error(`--role must be one of ${ROLES.join(', ')}\n${USAGE}`)
    return 2
  }

  const config = loadConfig()
  // The embedded database belongs to one process at a time: never open it under a running server.
  const running = config.databaseUrl ? undefined : readServerLock(config.dataDir)
  if (running) {
    console.error(`The embedded database in ${config.dataDir} is in use by the running server (pid ${running.pid}).
Stop the server first, or create the token through it:
  curl -X POST ${running.url}/v1/admin/tokens -H 'authorization: Bearer <operator token>' \\
       -H 'content-type: application/json' -d '{"role":"${values.role}"${values.agency ? `,"agencyId":"${values.agency}"` : ''}}'`)
    return 1
  }

  const db = await openDb(config)
  try {
    await migrate(db)
    await seed(db, createSecretBox(resolveDataKey(config)))
    const created = await createToken(db, { role: values.role as Role, agencyId: values.agency, label: values.label })
    console.log(`${created.role} token ${created.id}${created.agencyId ? ` for agency ${created.agencyId}` : ''} (shown once, keep it safe):\n${created.token}`)
    return 0
  } finally {
    await db.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof HttpError || err instanceof ConfigError ? err.message : err)
    process.exit(1)
  },
)

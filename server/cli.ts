import { parseArgs } from 'node:util'
import { type Config, ConfigError, loadConfig } from './config'
import { type SecretBox, createSecretBox, resolveDataKey } from './crypto/secret-box'
import type { Db } from './db/db'
import { migrate } from './db/migrate'
import { openDb } from './db/open-db'
import { HttpError } from './errors'
import { rotateSigningSecret } from './modules/agencies/service'
import { createToken } from './modules/auth/service'
import { ROLES, type Role } from './modules/auth/token'
import { recordAudit } from './modules/onboarding/service'
import { restrictNewFiles } from './private-files'
import { seed } from './seed/seed'
import { readServerLock } from './server-lock'

const USAGE = `Usage: npm run cli -- token create --role agency|operator|analyst [--agency <agency id>] [--label <text>] [--expires-days <1–3650>]
       npm run cli -- agency rotate-secret --agency <agency id> [--overlap-hours <0–720>]`

/** A wrong command line: answered with the usage, exit code 2. */
class UsageError extends Error {}

/** A whole number from a flag within bounds, or undefined when the flag is absent; throws a usage problem otherwise. */
function wholeNumber(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}`)
  return Number(text)
}

/**
 * Opens the configured database for one command. The embedded database
 * belongs to one process at a time: under a running server it is not opened
 * and the caller is told how to do it through the server's API instead.
 */
async function withDb(config: Config, viaApi: string, run: (db: Db, box: SecretBox) => Promise<void>): Promise<number> {
  const running = config.databaseUrl ? undefined : readServerLock(config.dataDir)
  if (running) {
    console.error(`The embedded database in ${config.dataDir} is in use by the running server (pid ${running.pid}).
Stop the server first, or do it through the server:
  curl -X POST ${running.url}${viaApi}`)
    return 1
  }
  const db = await openDb(config)
  try {
    await migrate(db)
    const box = createSecretBox(resolveDataKey(config))
    await seed(db, box, { demo: config.demo })
    await run(db, box)
    return 0
  } finally {
    await db.close()
  }
}

/** `npm run cli -- …`: administrative commands that work on the configured database directly. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      agency: { type: 'string' },
      label: { type: 'string' },
      'expires-days': { type: 'string' },
      'overlap-hours': { type: 'string' },
    },
  })
  const command = positionals.join(' ')
  if (command === 'agency rotate-secret' && values.agency) {
    const config = loadConfig()
    const agencyId = values.agency
    const hours = wholeNumber('overlap-hours', values['overlap-hours'], 0, 720) ?? config.tokens.secretOverlapHours
    return withDb(config, `/v1/admin/agencies/${agencyId}/signing-secret?overlapHours=${hours} -H 'authorization: Bearer <operator token>'`, async (db, box) => {
      const rotated = await db.transaction(async (tx) => {
        const r = await rotateSigningSecret(tx, box, agencyId, hours)
        await recordAudit(tx, { actor: 'cli', action: 'agency.rotate-secret', subject: agencyId, detail: { previousValidUntil: r.previousValidUntil } })
        return r
      })
      const until = rotated.previousValidUntil ? `the previous one verifies until ${rotated.previousValidUntil}` : 'the previous one no longer verifies'
      console.log(`New signing secret of agency ${agencyId} (shown once, hand it to the agency; ${until}):\n${rotated.signingSecret}`)
    })
  }
  if (command !== 'token create' || !values.role) {
    console.error(USAGE)
    return 2
  }
  if (!ROLES.includes(values.role as Role)) {
    console.error(`--role must be one of ${ROLES.join(', ')}\n${USAGE}`)
    return 2
  }
  const role = values.role as Role
  const config = loadConfig()
  const expiresInDays = wholeNumber('expires-days', values['expires-days'], 1, 3650) ?? config.tokens.ttlDays[role]
  const body = JSON.stringify({ role, ...(values.agency ? { agencyId: values.agency } : {}) })
  return withDb(config, `/v1/admin/tokens -H 'authorization: Bearer <operator token>' \\
       -H 'content-type: application/json' -d '${body}'`, async (db) => {
    const created = await createToken(db, { role, agencyId: values.agency, label: values.label, expiresInDays })
    console.log(`${created.role} token ${created.id}${created.agencyId ? ` for agency ${created.agencyId}` : ''}, valid until ${created.expiresAt} (shown once, keep it safe):\n${created.token}`)
  })
}

// Before anything is opened: the embedded database's files and the dev key are the user's only.
restrictNewFiles()
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n${USAGE}`)
      process.exit(2)
    }
    console.error(err instanceof HttpError || err instanceof ConfigError ? err.message : err)
    process.exit(1)
  },
)

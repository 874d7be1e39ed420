import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { openPgliteDb } from '../../server/db/pglite-db'
import { startPlatform } from '../../server/start-platform'
import { testConfig } from './test-app'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tar of the database a real first start made (demo onboarded through manifests and reviews). */
    templateDbDump: string
  }
}

/**
 * Once per run: a real first start on an in-memory database (seed, simulated
 * agencies, the demo's typed services submitted, reviewed and listed over
 * HTTP), dumped so each test file starts from exactly what `npm start` makes.
 */
export default async function setup(project: TestProject) {
  const db = await openPgliteDb()
  const platform = await startPlatform({ ...testConfig, port: 0, mockPort: 0 }, { db })
  if (platform.onboarded?.failed.length) throw new Error(`demo services failed review: ${platform.onboarded.failed.join(', ')}`)
  await platform.stop()
  const dir = mkdtempSync(join(tmpdir(), 'onecity-template-'))
  const file = join(dir, 'template.tar')
  writeFileSync(file, Buffer.from(await (await db.pglite.dumpDataDir('none')).arrayBuffer()))
  await db.close()
  project.provide('templateDbDump', file)
  return () => rmSync(dir, { recursive: true, force: true })
}

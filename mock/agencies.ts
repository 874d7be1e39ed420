import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { type TypedContract, isTypedContract } from '../server/contracts'
import type { AgencyPlugin } from './shared/agency-app'

/** What a mock folder's `agency.ts` exports as `agency`: the contract it simulates and how to register a tenant. */
export interface SimulatedAgency {
  contract: TypedContract
  register: AgencyPlugin
}

const MOCK_DIR = fileURLToPath(new URL('.', import.meta.url))

let loading: Promise<SimulatedAgency[]> | undefined

/**
 * Every simulated agency: the `agency` export of each mock/<folder>/agency.ts,
 * found at first use, so a new contract's mock needs no line here.
 */
export function loadSimulatedAgencies(): Promise<SimulatedAgency[]> {
  loading ??= Promise.all(
    readdirSync(MOCK_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(MOCK_DIR, entry.name, 'agency.ts')))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(async (entry) => {
        const module = (await import(pathToFileURL(join(MOCK_DIR, entry.name, 'agency.ts')).href)) as { agency?: SimulatedAgency }
        if (!module.agency) throw new Error(`mock/${entry.name}/agency.ts exports no agency`)
        return module.agency
      }),
  )
  return loading
}

/** The simulated agency of each typed contract; throws when a mock claims an unknown contract or two claim the same one. */
export async function simulatedAgencies(): Promise<Map<TypedContract, AgencyPlugin>> {
  const byContract = new Map<TypedContract, AgencyPlugin>()
  for (const { contract, register } of await loadSimulatedAgencies()) {
    if (!isTypedContract(contract)) throw new Error(`a mock simulates ${contract}, which is no typed contract`)
    if (byContract.has(contract)) throw new Error(`two mocks simulate ${contract}`)
    byContract.set(contract, register)
  }
  return byContract
}

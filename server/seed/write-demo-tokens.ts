import { join } from 'node:path'
import { writePrivateFile } from '../private-files'
import type { DemoTokens } from './seed'

/**
 * Writes the first start's demo tokens to `<data dir>/demo-tokens.json`
 * (04-platform.md), readable by its owner only; returns the file's path.
 */
export function writeDemoTokens(dataDir: string, tokens: DemoTokens): string {
  const file = join(dataDir, 'demo-tokens.json')
  writePrivateFile(file, JSON.stringify(tokens, null, 2) + '\n')
  return file
}

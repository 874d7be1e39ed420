import { chmodSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Owner only: what the data directory holds (PII, keys, tokens) is nobody else's to read (04-platform.md). */
export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/**
 * Makes files this process creates from now on readable by its user only.
 * Called before the database opens: PGlite creates its files and WAL
 * segments with mode 0666 and leaves the rest to the umask.
 */
export function restrictNewFiles(): void {
  process.umask(0o077)
}

/**
 * Creates the data directory if needed and makes it and everything under it
 * owner-only (directories 0700, files 0600), so a data directory made by an
 * earlier version or another umask is closed on the next start. Symbolic
 * links are left alone (chmod would follow them out of the directory).
 */
export function restrictDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  const walk = (path: string) => {
    const stat = lstatSync(path)
    if (stat.isSymbolicLink()) return
    if (stat.isDirectory()) {
      if ((stat.mode & 0o777) !== PRIVATE_DIR_MODE) chmodSync(path, PRIVATE_DIR_MODE)
      for (const name of readdirSync(path)) walk(join(path, name))
    } else if ((stat.mode & 0o777 & ~PRIVATE_FILE_MODE) !== 0) {
      chmodSync(path, stat.mode & 0o777 & PRIVATE_FILE_MODE)
    }
  }
  walk(dir)
}

/** Writes a file readable by its owner only, also when it existed before with a wider mode. */
export function writePrivateFile(path: string, text: string): void {
  writeFileSync(path, text, { mode: PRIVATE_FILE_MODE })
  chmodSync(path, PRIVATE_FILE_MODE)
}

/**
 * The one door to the database. Repositories take a `Queryable`; nothing else
 * writes SQL. Two adapters implement it: PGlite (embedded, default) and pg
 * (a PostgreSQL server via DATABASE_URL). Use only SQL both understand.
 */
export interface Queryable {
  /** One statement with $1… parameters; returns the rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>
}

/** A Queryable that can also run several statements without parameters (migrations). */
export interface Executable extends Queryable {
  exec(sql: string): Promise<void>
}

export interface Db extends Executable {
  readonly kind: 'pglite' | 'pg'
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Executable) => Promise<T>): Promise<T>
  /**
   * Runs fn while holding the lock `name` across every process on this
   * database, or answers undefined at once when another process holds it.
   * pg: a session advisory lock on a connection of its own, released by the
   * server if this process dies. PGlite: its data belongs to one process, so
   * fn always runs.
   */
  whileLocked<T>(name: string, fn: () => Promise<T>): Promise<{ value: T } | undefined>
  close(): Promise<void>
}

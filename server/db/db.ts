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
  close(): Promise<void>
}

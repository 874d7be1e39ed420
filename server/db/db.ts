/**
 * The one door to the database. Repositories take a `Queryable`; nothing else
 * writes SQL. Two adapters implement it: PGlite (embedded, default) and pg
 * (a PostgreSQL server via DATABASE_URL). Use only SQL both understand.
 */
export interface Queryable {
  /** One statement with $1… parameters; returns the rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'pg'
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

import type { ExternalRankingRow, UnlistedRow, UnmatchedRow } from '../../../src/domain/external-ranking'
import type { Indicator } from '../../../src/domain/smart-index'
import type { Queryable } from '../../db/db'

export type UploadKind = 'weights' | 'ranking'

type Parsed =
  | { scores: Record<Indicator, number>[]; weights: Record<Indicator, number> }
  // unmatched and unlisted since issue 19: older rankings have unknown names only.
  | { rows: ExternalRankingRow[]; unknown: string[]; unmatched?: UnmatchedRow[]; unlisted?: UnlistedRow[] }

interface UploadRow {
  id: number
  kind: UploadKind
  name: string
  uploaded_at: Date | string
  parsed: Parsed
}

/** What the API shows of an upload: never the file again, only what was read from it. */
export function summaryOf(r: UploadRow) {
  const p = r.parsed
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    uploadedAt: new Date(r.uploaded_at).toISOString(),
    rows: 'scores' in p ? p.scores.length : p.rows.length,
    unknown: 'unknown' in p ? p.unknown : [],
    unmatched: 'unknown' in p ? (p.unmatched ?? p.unknown.map((written) => ({ written, suggestions: [] }))) : [],
    unlisted: 'rows' in p ? (p.unlisted ?? []) : [],
    weights: 'weights' in p ? p.weights : null,
  }
}

/** Stores an uploaded file with what was read from it, and returns its summary. */
export async function saveUpload(db: Queryable, kind: UploadKind, name: string, csv: string, parsed: Parsed) {
  const [row] = await db.query<UploadRow>(
    'INSERT INTO stats_uploads (kind, name, csv, parsed) VALUES ($1, $2, $3, $4) RETURNING id, kind, name, uploaded_at, parsed',
    [kind, name, csv, JSON.stringify(parsed)],
  )
  return summaryOf(row!)
}

/** Every upload, newest first, as summaries. */
export async function listUploads(db: Queryable) {
  const rows = await db.query<UploadRow>('SELECT id, kind, name, uploaded_at, parsed FROM stats_uploads ORDER BY id DESC')
  return rows.map(summaryOf)
}

/** An expert score table's weights and how many experts scored; undefined when there is no such table. */
export async function readWeights(db: Queryable, id: number): Promise<{ weights: Record<Indicator, number>; experts: number } | undefined> {
  const [row] = await db.query<UploadRow>(`SELECT id, kind, name, uploaded_at, parsed FROM stats_uploads WHERE id = $1 AND kind = 'weights'`, [id])
  if (!row || !('weights' in row.parsed)) return undefined
  return { weights: row.parsed.weights, experts: row.parsed.scores.length }
}

/** An imported ranking; undefined when there is no such ranking. */
export async function readRanking(db: Queryable, id: number): Promise<{ id: number; name: string; rows: ExternalRankingRow[] } | undefined> {
  const [row] = await db.query<UploadRow>(`SELECT id, kind, name, uploaded_at, parsed FROM stats_uploads WHERE id = $1 AND kind = 'ranking'`, [id])
  if (!row || !('rows' in row.parsed)) return undefined
  return { id: row.id, name: row.name, rows: row.parsed.rows }
}

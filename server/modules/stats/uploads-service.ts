import { parseExpertScores } from '../../../src/domain/expert-scores'
import { parseExternalRanking } from '../../../src/domain/external-ranking'
import type { Queryable } from '../../db/db'
import { HttpError } from '../../errors'
import { readCities } from '../cities/service'
import { listUploads, saveUpload } from './uploads-repository'

/** The body as CSV text; CSV_REQUIRED when it is missing, empty or not text. */
function csvBody(body: unknown): string {
  if (typeof body !== 'string' || body.trim() === '') throw new HttpError(400, 'CSV_REQUIRED', 'Send the CSV file as the body (Content-Type: text/csv) / 请以 text/csv 发送 CSV 文件')
  return body
}

/** A file that could not be read is not stored: CSV_INVALID with its first problems. */
const refuse = (problems: string[]) =>
  new HttpError(422, 'CSV_INVALID', `The file was not imported / 文件未导入：${problems.slice(0, 3).join('；')}`, problems.map((message) => ({ path: 'body', message })))

/** Stores an expert score table (expert, then the six indicators scored 1–5) with the weights it gives; its summary. */
export async function uploadWeights(db: Queryable, body: unknown, name = '专家打分表') {
  const csv = csvBody(body)
  const parsed = parseExpertScores(csv)
  if (!parsed.ok) throw refuse(parsed.problems)
  return saveUpload(db, 'weights', name, csv, { scores: parsed.scores, weights: parsed.weights })
}

/**
 * Stores another ranking of cities (rank, city name or code, optional value)
 * matched against our cities as reports write them; its summary lists the
 * rows that matched nothing with the closest of our cities (`unmatched`) and
 * the counties the platform does not list (`unlisted`). A file where no row
 * is ours is refused (422) with the same suggestions.
 */
export async function uploadRanking(db: Queryable, body: unknown, name = '外部排名') {
  const csv = csvBody(body)
  const parsed = parseExternalRanking(csv, await readCities(db))
  if (!parsed.ok) throw refuse(parsed.problems)
  return saveUpload(db, 'ranking', name, csv, { rows: parsed.rows, unknown: parsed.unknown, unmatched: parsed.unmatched, unlisted: parsed.unlisted })
}

/** Every uploaded score table and imported ranking, newest first. */
export function uploads(db: Queryable) {
  return listUploads(db)
}

import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

// The baseline for usage ingestion: a bare node:http server that reads and
// parses the same JSON batches and answers like the platform, with the
// platform's headers (argument: a JSON file of them), counting nothing.
const headers = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Record<string, string>
const server = createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', () => {
    const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { actives?: unknown[]; events?: unknown[] }
    const body = JSON.stringify({ month: '2026-11', accepted: (batch.actives?.length ?? 0) + (batch.events?.length ?? 0), duplicates: 0 })
    res.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(body) })
    res.end(body)
  })
})
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  if (address && typeof address === 'object') process.stdout.write(`http://127.0.0.1:${address.port}\n`)
})

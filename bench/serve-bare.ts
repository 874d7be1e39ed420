import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

// The baseline: a bare node:http server answering every request with the same
// bytes the platform's catalog answer has: the body (first argument) and, when
// given, its headers (second argument, JSON).
const body = readFileSync(process.argv[2]!)
const headers = process.argv[3] ? (JSON.parse(readFileSync(process.argv[3], 'utf8')) as Record<string, string>) : { 'content-type': 'application/json; charset=utf-8' }
const server = createServer((_req, res) => {
  res.writeHead(200, { ...headers, 'content-length': body.length })
  res.end(body)
})
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  if (address && typeof address === 'object') process.stdout.write(`http://127.0.0.1:${address.port}\n`)
})

// Preloaded (NODE_OPTIONS --require) into miniprogram-ci and every process it forks: it asks
// servicewechat.com for lists it has defaults for; tests talk to loopback only, so any other
// host is refused before a connection or DNS query is made.
const dns = require('node:dns')
const net = require('node:net')

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])
const allowed = (host) => host === undefined || LOOPBACK.has(host)

const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function (...args) {
  const options = args[0] !== null && typeof args[0] === 'object' ? args[0] : { port: args[0], host: args[1] }
  if (options.path === undefined && !allowed(options.host)) throw new Error(`offline test: no connection to ${options.host}`)
  return connect.apply(this, args)
}

const lookup = dns.lookup
dns.lookup = function (host, ...rest) {
  if (allowed(host)) return lookup.call(this, host, ...rest)
  const callback = rest[rest.length - 1]
  process.nextTick(callback, new Error(`offline test: no DNS lookup of ${host}`))
}

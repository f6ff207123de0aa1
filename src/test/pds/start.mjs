// A real Bluesky PDS (the AT Protocol's own, @atproto/pds) and the PLC directory it registers
// its accounts' DIDs with, on loopback, for Paperboy's end-to-end tests. RealPds.java starts it:
//
//   node --import ./loopback.mjs start.mjs --data DIR [--install DIR] [--pds-port N] [--plc-port N]
//
// --data is where the PDS keeps its SQLite files and blobs; --install is the directory where
// `npm ci` ran (by default this one); a port not given is a free one. When the PDS answers
// /xrpc/_health it prints one line on stdout, the only thing it ever prints there:
//
//   {"pds":"http://localhost:PORT","plc":"http://localhost:PORT"}
//
// It stops on SIGTERM or SIGINT, and when its stdin closes, so that a test JVM killed without
// running its shutdown hooks leaves no server behind.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    install: { type: 'string', default: import.meta.dirname },
    'pds-port': { type: 'string' },
    'plc-port': { type: 'string' },
  },
});
if (!args.data) {
  console.error('usage: start.mjs --data DIR [--install DIR] [--pds-port N] [--plc-port N]');
  process.exit(2);
}

// The packages live in the tests' install cache, not beside this file: resolve them from there.
const require = createRequire(path.join(path.resolve(args.install), 'package.json'));
const { PDS, envToCfg, envToSecrets } = await import(
  pathToFileURL(require.resolve('@atproto/pds')).href
);
const { PlcServer, Database } = require('@did-plc/server');

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = net.createServer().on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
const pdsPort = Number(args['pds-port'] ?? (await freePort()));
const plcPort = Number(args['plc-port'] ?? (await freePort()));
const secret = (bytes) => randomBytes(bytes).toString('hex');
// Told to the tests, which sign an access token that has expired with it, as a PDS would have
// signed it two hours before: the only way to see a real PDS answer ExpiredToken on demand.
const jwtSecret = secret(32);

// did:plc DIDs are registered with a PLC directory; plc.directory is on the internet, so this one
// keeps its operations in memory, for the life of the process.
const plc = PlcServer.create({ db: Database.mock(), port: plcPort });
await plc.start();

// The same settings as the PDS_* environment variables of a real deployment (see the package's
// config/env.js), minus everything that reaches out: no relay crawlers, no app view, no email.
const env = {
  // Its URL is http://localhost:PORT only for the host name localhost, and its outbound fetches
  // refuse IP-address hosts: clients and the PLC directory's URL both use localhost.
  hostname: 'localhost',
  port: pdsPort,
  // Allows http:// for its own URL (OAuth metadata) and validates its own answers strictly.
  devMode: true,
  dataDirectory: args.data,
  blobstoreDiskLocation: path.join(args.data, 'blobs'),
  didPlcUrl: `http://localhost:${plcPort}`,
  // Tests create accounts freely, with handles ending .test, a name reserved for testing (RFC 2606).
  inviteRequired: false,
  serviceHandleDomains: ['.test'],
  // The PLC directory is on loopback, which the SSRF protection refuses.
  disableSsrfProtection: true,
  crawlers: [],
  // Fresh for every start: nothing outside this process ever needs them. A random 32 bytes is a
  // valid secp256k1 private key (the chance it is not is below 2^-127).
  jwtSecret,
  adminPassword: secret(16),
  plcRotationKeyK256PrivateKeyHex: secret(32),
};
const pds = await PDS.create(envToCfg(env), envToSecrets(env));
await pds.start();

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await pds.destroy();
  await plc.destroy();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop).on('close', stop).resume();

const pdsUrl = `http://localhost:${pdsPort}`;
const health = await fetch(`${pdsUrl}/xrpc/_health`);
if (!health.ok) {
  console.error(`the PDS answered /xrpc/_health with ${health.status}: ${await health.text()}`);
  process.exit(1);
}
console.log(JSON.stringify({ pds: pdsUrl, plc: `http://localhost:${plcPort}`, jwtSecret }));

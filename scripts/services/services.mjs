// Throwaway PostgreSQL and Redis for a scaled-out hub: on 127.0.0.1 only, on free
// ports, in one temp dir that `stop` deletes. Used by the pg/redis tests, the
// scale-out bench and by hand (README "Running the hub on PostgreSQL + Redis").
//
//   node scripts/services/services.mjs check                 exit 3 when a binary is missing
//   node scripts/services/services.mjs start [--only postgres|redis]
//   node scripts/services/services.mjs stop DIR
//
// `start` prints one JSON line on stdout ({ dir, databaseUrl, redisUrl }) and
// the shell form on stderr; the daemons keep running after it exits.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const MISSING_EXIT = 3;
const STATE_FILE = 'services.json';

/** PG_BIN, else `pg_config --bindir`, else the newest Debian /usr/lib/postgresql/N/bin, else PATH. */
function postgresBinDir() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0) candidates.push(fromConfig.stdout.trim());
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  candidates.push(...(process.env.PATH ?? '').split(':'));
  return candidates.find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) ?? null;
}

function redisServer() {
  if (process.env.REDIS_SERVER) return existsSync(process.env.REDIS_SERVER) ? process.env.REDIS_SERVER : null;
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/bin', '/usr/sbin', '/usr/local/bin'];
  return dirs.map((dir) => join(dir, 'redis-server')).find((path) => existsSync(path)) ?? null;
}

/** PostgreSQL refuses to run as root: then it runs as `postgres` (Debian's package makes it) or `nobody`. */
function postgresUser() {
  if (process.getuid?.() !== 0) return null;
  return spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody';
}

function asUser(user, command, args) {
  return user ? ['runuser', ['-u', user, '--', command, ...args]] : [command, args];
}

function run(user, command, args) {
  const [cmd, argv] = asUser(user, command, args);
  execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A port the OS just handed out; closed again before the service binds it (a small, accepted race). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `probe` answers true, rejects after the deadline. */
async function waitFor(what, probe, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
}

/** Redis speaks RESP: a bare PING answers +PONG once it accepts commands. */
function redisPong(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok) => (socket.destroy(), resolve(ok));
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    socket.write('PING\r\n');
  });
}

async function startPostgres(dir, binDir) {
  const user = postgresUser();
  const data = join(dir, 'pg');
  const sockets = join(dir, 'pg-sock');
  mkdirSync(sockets);
  if (user) {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
    chownSync(sockets, uid, gid);
  }
  const port = await freePort();
  // A throwaway cluster: trust on loopback only, no fsync (its data dies with the dir).
  run(user, join(binDir, 'initdb'), ['-D', data, '-U', 'hub', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${sockets} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
  run(user, join(binDir, 'pg_ctl'), ['-D', data, '-l', join(dir, 'postgres.log'), '-w', '-t', '30', '-o', options, 'start']);
  return { user, binDir, data, port, url: `postgres://hub@127.0.0.1:${port}/postgres` };
}

async function startRedis(dir, binary) {
  const port = await freePort();
  const pidFile = join(dir, 'redis.pid');
  run(null, binary, [
    '--bind', '127.0.0.1', '--port', String(port), '--daemonize', 'yes', '--dir', dir, '--pidfile', pidFile,
    '--logfile', join(dir, 'redis.log'), '--save', '', '--appendonly', 'no',
  ]);
  await waitFor('redis-server', () => redisPong(port));
  return { pidFile, port, url: `redis://127.0.0.1:${port}` };
}

function stopServices(dir) {
  const state = JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8'));
  const problems = [];
  if (state.postgres) {
    const { user, binDir, data } = state.postgres;
    try {
      run(user, join(binDir, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch (error) {
      problems.push(`postgres: ${String(error.stderr ?? error)}`);
    }
  }
  if (state.redis) {
    try {
      process.kill(Number(readFileSync(state.redis.pidFile, 'utf8')), 'SIGTERM');
    } catch (error) {
      problems.push(`redis: ${String(error)}`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return problems;
}

async function start(only) {
  const wantPostgres = only !== 'redis';
  const wantRedis = only !== 'postgres';
  const binDir = wantPostgres ? postgresBinDir() : null;
  const redis = wantRedis ? redisServer() : null;
  const missing = [wantPostgres && !binDir && 'PostgreSQL (initdb, pg_ctl)', wantRedis && !redis && 'redis-server'].filter(Boolean);
  if (missing.length > 0) {
    console.error(`services: missing ${missing.join(' and ')} (Debian: apt-get install postgresql redis-server)`);
    process.exit(MISSING_EXIT);
  }
  const dir = mkdtempSync(join(tmpdir(), 'hub-services-'));
  const state = { startedBy: userInfo().username, postgres: null, redis: null };
  const save = () => writeFileSync(join(dir, STATE_FILE), JSON.stringify(state));
  save();
  try {
    if (wantPostgres) state.postgres = await startPostgres(dir, binDir);
    save();
    if (wantRedis) state.redis = await startRedis(dir, redis);
    save();
  } catch (error) {
    stopServices(dir);
    throw error;
  }
  const result = { dir, databaseUrl: state.postgres?.url ?? null, redisUrl: state.redis?.url ?? null };
  console.log(JSON.stringify(result));
  if (result.databaseUrl) console.error(`export HUB_DATABASE_URL=${result.databaseUrl}`);
  if (result.redisUrl) console.error(`export HUB_REDIS_URL=${result.redisUrl}`);
  console.error(`stop with: node scripts/services/services.mjs stop ${dir}`);
}

const [command, ...args] = process.argv.slice(2);
try {
  if (command === 'check') {
    const found = { postgres: postgresBinDir(), redis: redisServer() };
    console.log(JSON.stringify(found));
    process.exit(found.postgres && found.redis ? 0 : MISSING_EXIT);
  } else if (command === 'start') {
    const onlyAt = args.indexOf('--only');
    await start(onlyAt >= 0 ? args[onlyAt + 1] : undefined);
  } else if (command === 'stop' && args[0]) {
    const problems = stopServices(args[0]);
    for (const line of problems) console.error(`services: ${line}`);
    process.exit(problems.length > 0 ? 1 : 0);
  } else {
    console.error('usage: services.mjs check | start [--only postgres|redis] | stop DIR');
    process.exit(2);
  }
} catch (error) {
  console.error(`services: ${error.stderr ? String(error.stderr).trim() : String(error)}`);
  process.exit(1);
}

// `npm test`: unit tests (Vitest), then the renderer build and e2e (Playwright on
// Debian's Chromium). Ends with one plain line "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const steps = [];
const started = Date.now();
steps.push(['typecheck', run('npm', ['run', '--silent', 'typecheck'])]);
steps.push(['layers', run('npm', ['run', '--silent', 'lint'])]);
steps.push(['unit', run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'])]);
steps.push(['build', run('npm', ['run', '--silent', 'build:renderer'])]);
steps.push(['build:electron', run('npm', ['run', '--silent', 'build:electron'])]);
steps.push(['e2e', run('npx', ['playwright', 'test'])]);

const counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync('test-results/unit.json')) {
  const unit = JSON.parse(readFileSync('test-results/unit.json', 'utf8'));
  counts.passed += unit.numPassedTests;
  counts.failed += unit.numFailedTests;
  counts.skipped += unit.numPendingTests + unit.numTodoTests;
}
if (existsSync('test-results/e2e.json')) {
  const e2e = JSON.parse(readFileSync('test-results/e2e.json', 'utf8'));
  counts.passed += e2e.stats.expected;
  counts.failed += e2e.stats.unexpected + e2e.stats.flaky;
  counts.skipped += e2e.stats.skipped;
}
const failedSteps = steps.filter(([, code]) => code !== 0).map(([name]) => name);
console.log(`\nsteps: ${steps.map(([n, c]) => `${n} ${c === 0 ? 'ok' : 'FAILED'}`).join(', ')} (${Math.round((Date.now() - started) / 1000)} s)`);
// A failed step with no failed test (e.g. typecheck) still counts as a failure.
const failed = counts.failed + (failedSteps.length > 0 && counts.failed === 0 ? failedSteps.length : 0);
console.log(`${counts.passed} passed, ${failed} failed, ${counts.skipped} skipped`);
process.exit(failedSteps.length > 0 ? 1 : 0);

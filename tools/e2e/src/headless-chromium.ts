import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CHROMIUM = '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// machine's closed network refuses; --no-sandbox because tests may run as root.
const HEADLESS_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
];

/**
 * Debian's Chromium, installed with apt-get when it is missing (the test set-up the issue asks
 * for; it needs root or password-less sudo and Debian's package mirrors).
 */
export async function ensureChromium(log: (line: string) => void): Promise<string> {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const asRoot = process.getuid?.() === 0;
  const apt = (args: string[]) => (asRoot ? run('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }) : run('sudo', ['-n', 'apt-get', ...args]));
  log('installing Debian\'s chromium package for the page test (apt-get, once)…');
  await apt(['update', '-qq']);
  await apt(['install', '-y', '-qq', 'chromium']);
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is missing`);
  return CHROMIUM;
}


/**
 * Opens `url` in headless Chromium, lets its scripts run for up to `budgetMs` of virtual time
 * (network waits included), and returns the rendered DOM (the page's HTML after its scripts ran); with `screenshot`, saves a PNG too.
 */
export async function renderPage(chromium: string, url: string, options: { budgetMs?: number; screenshot?: string } = {}): Promise<string> {
  const profile = mkdtempSync(path.join(tmpdir(), 'wirestream-chromium-'));
  const common = [...HEADLESS_FLAGS, `--user-data-dir=${profile}`, `--virtual-time-budget=${options.budgetMs ?? 15_000}`, '--window-size=1400,1000'];
  try {
    const { stdout } = await run(chromium, [...common, '--dump-dom', url], { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
    if (options.screenshot) await run(chromium, [...common, `--screenshot=${options.screenshot}`, url], { timeout: 120_000 });
    return stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

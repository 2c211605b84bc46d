import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const planted: Array<[layer: string, file: string, importLine: string]> = [
  ['shared', 'shared/model/planted.ts', "import { readFileSync } from 'node:fs';"],
  ['shared', 'shared/model/planted.ts', "import path from 'path';"],
  ['shared', 'shared/model/planted.ts', "import { app } from 'electron';"],
  ['shared', 'shared/model/planted.ts', "import Database from 'better-sqlite3';"],
  ['shared', 'shared/model/planted.ts', "import React from 'react';"],
  ['shared', 'shared/model/planted.ts', "import { Button } from '@blueprintjs/core';"],
  ['shared', 'shared/engine/planted.ts', "import { createBackend } from '../../electron/backend/backend';"],
  ['shared', 'shared/engine/planted.ts', "import { App } from '../../renderer/studio/app/App';"],
  ['renderer', 'renderer/studio/planted.tsx', "import Database from 'better-sqlite3';"],
  ['renderer', 'renderer/studio/planted.tsx', "import { readFileSync } from 'fs';"],
  ['renderer', 'renderer/studio/planted.tsx', "import { spawn } from 'node:child_process';"],
  ['renderer', 'renderer/studio/planted.tsx', "import { ipcRenderer } from 'electron';"],
  ['renderer', 'renderer/studio/app/planted.tsx', "import { createBackend } from '../../../electron/backend/backend';"],
  ['player', 'renderer/player/planted.ts', "import { App } from '../studio/app/App';"],
  ['backend', 'electron/backend/planted.ts', "import { app } from 'electron';"],
  ['backend', 'electron/backend/planted.ts', "import { createInvokeHandler } from '../main/ipc';"],
  ['backend', 'electron/backend/planted.ts', "import '../../renderer/studio/main';"],
  ['web host', 'electron/web/planted.ts', "import { BrowserWindow } from 'electron';"],
  ['CLI', 'electron/cli/planted.ts', "import { dialog } from 'electron';"],
  ['main', 'electron/main/planted.ts', "import { App } from '../../renderer/studio/app/App';"],
  ['preload', 'electron/preload/planted.ts', "import { createDispatch } from '../../shared/contract';"],
  ['preload', 'electron/preload/planted.ts', "import { readFileSync } from 'node:fs';"],
];

const allowed: Array<[layer: string, file: string, importLine: string]> = [
  ['shared', 'shared/model/planted.ts', "import { z } from 'zod';"],
  ['shared', 'shared/model/planted.ts', "import { produce } from 'immer';"],
  ['renderer', 'renderer/studio/planted.tsx', "import { createClient } from '../../shared/contract';"],
  ['renderer', 'renderer/studio/planted.tsx', "import { Button } from '@blueprintjs/core';"],
  ['backend', 'electron/backend/planted.ts', "import { readFileSync } from 'node:fs';"],
  ['backend', 'electron/backend/planted.ts', "import Database from 'better-sqlite3';"],
  ['main', 'electron/main/planted.ts', "import { app } from 'electron';"],
  ['main', 'electron/main/planted.ts', "import { createBackend } from '../backend/backend';"],
  ['preload', 'electron/preload/planted.ts', "import { contextBridge } from 'electron';"],
  ['preload', 'electron/preload/planted.ts', "import { IPC_INVOKE_CHANNEL } from '../../shared/contract/channels';"],
];

describe('layer rules (lint)', () => {
  it.each(planted)('%s refuses %s: %s', async (_layer, file, line) => {
    const errors = await importErrors(file, `${line}\nexport {};\n`);
    expect(errors.length).toBeGreaterThan(0);
  });

  it.each(allowed)('%s accepts %s: %s', async (_layer, file, line) => {
    expect(await importErrors(file, `${line}\nexport {};\n`)).toEqual([]);
  });

  it('refuses eval and new Function everywhere', async () => {
    const [result] = await eslint.lintText('export const f = (s: string) => eval(s) + new Function(s)();\n', {
      filePath: resolve(root, 'shared/engine/planted.ts'),
    });
    const rules = result?.messages.map((m) => m.ruleId);
    expect(rules).toContain('no-eval');
    expect(rules).toContain('no-new-func');
  });
});

/** Type-checks one in-memory file with a layer's tsconfig, as `npm run typecheck` would. */
function typeErrors(layerConfig: string, file: string, code: string): string[] {
  const configPath = resolve(root, layerConfig);
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!parsed) throw new Error(`cannot read ${layerConfig}`);
  const fileName = resolve(root, file);
  const host = ts.createCompilerHost(parsed.options);
  const original = { getSourceFile: host.getSourceFile, fileExists: host.fileExists, readFile: host.readFile };
  host.fileExists = (name) => name === fileName || original.fileExists(name);
  host.readFile = (name) => (name === fileName ? code : original.readFile(name));
  host.getSourceFile = (name, language, ...rest) =>
    name === fileName ? ts.createSourceFile(name, code, language) : original.getSourceFile(name, language, ...rest);
  const program = ts.createProgram({ rootNames: [fileName], options: parsed.options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === fileName)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('layer rules (types)', () => {
  it('make the DOM a compile error in shared/', () => {
    const errors = typeErrors(
      'shared/tsconfig.json',
      'shared/engine/planted.ts',
      'export const w = window.location.href;\n',
    );
    expect(errors.join('\n')).toMatch(/Cannot find name 'window'/);
  });

  it('make Node globals a compile error in shared/', () => {
    const errors = typeErrors(
      'shared/tsconfig.json',
      'shared/engine/planted.ts',
      'export const e = process.env.HOME;\n',
    );
    expect(errors.join('\n')).toMatch(/Cannot find name 'process'/);
  });

  it('make Node modules a compile error in renderer/', () => {
    const errors = typeErrors(
      'renderer/tsconfig.json',
      'renderer/studio/planted.ts',
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
    );
    expect(errors.join('\n')).toMatch(/Cannot find module 'node:fs'/);
  });

  it('accept plain TypeScript in shared/', () => {
    expect(
      typeErrors('shared/tsconfig.json', 'shared/engine/planted.ts', 'export const n: number = [1, 2].length;\n'),
    ).toEqual([]);
  });
});

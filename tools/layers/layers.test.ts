import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLayers, importsOf } from './checkLayers.js';
import { readSources } from './readSources.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('layering of this repository', () => {
  it('has no import that crosses a layer the wrong way', () => {
    const files = readSources(root, ['src-shared', 'src-main', 'src-renderer', 'src-hub', 'assets']);
    expect(files.length).toBeGreaterThan(20);
    expect(checkLayers(files)).toEqual([]);
  });

  it('imports electron in src-main/electron and nowhere else', () => {
    const files = readSources(root, ['src-shared', 'src-main', 'src-renderer', 'src-hub', 'assets']);
    const importers = files.filter((f) => importsOf(f.text).includes('electron')).map((f) => f.path);
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.every((p) => p.startsWith('src-main/electron/'))).toBe(true);
  });
});

describe('checkLayers', () => {
  it.each([
    ['src-main/core/x.ts', `import { app } from 'electron';`, 'only src-main/electron may import electron'],
    ['src-renderer/x.ts', `import { ipcRenderer } from "electron"`, 'only src-main/electron may import electron'],
    ['src-hub/x.ts', `const e = require('electron');`, 'only src-main/electron may import electron'],
    ['src-renderer/x.tsx', `import fs from 'node:fs';`, 'src-renderer/ runs without Node: no built-in "node:fs"'],
    ['src-renderer/x.tsx', `import path from 'path';`, 'src-renderer/ runs without Node: no built-in "path"'],
    ['src-shared/x.ts', `import { io } from 'socket.io-client';`, 'src-shared/ may not import the package "socket.io-client"'],
    ['src-shared/x.ts', `export * from '../src-main/core/a.js';`, 'src-shared/ may not import src-main/core/'],
    ['src-renderer/x.ts', `const m = await import('../src-hub/index.js');`, 'src-renderer/ may not import src-hub/'],
    ['src-main/core/x.ts', `import type { X } from '../host/y.js';`, 'src-main/core/ may not import src-main/host/'],
    ['src-hub/x.ts', `import { a } from '../src-main/core/a.js';`, 'src-hub/ may not import src-main/core/'],
    ['src-renderer/x.ts', `import 'fake-indexeddb/auto';`, 'src-renderer/ may not import the package "fake-indexeddb"'],
  ])('%s: %s is refused', (file, text, why) => {
    expect(checkLayers([{ path: file, text }])).toEqual([expect.objectContaining({ file, why })]);
  });

  it.each([
    ['src-main/electron/x.ts', `import { app, BrowserWindow } from 'electron';`],
    ['src-main/core/x.ts', `import { io } from 'socket.io-client'; import fs from 'node:fs';`],
    ['src-main/host/x.ts', `import { createCore } from '../core/createCore.js';`],
    ['src-renderer/db/x.test.ts', `import 'fake-indexeddb/auto'; import { it } from 'vitest';`],
    ['src-renderer/x.tsx', `import { useStore } from 'zustand'; import { z } from '../src-shared/index.js';`],
    ['src-main/demo/x.ts', `import { startHub } from '../../src-hub/index.js';`],
    ['src-shared/ai/text/x.ts', `import { Converter } from 'opencc-js/t2cn';`],
  ])('%s: %s is allowed', (file, text) => {
    expect(checkLayers([{ path: file, text }])).toEqual([]);
  });
});

// Three bundles: main (ESM, as package.json says "type": "module"), the preload (ONE CommonJS file
// with nothing to require but 'electron', as sandbox: true demands) and the renderer (Vite + React).
// Only what main/index.ts imports reaches the main bundle, so the CLI and headless services stay out.
//
// ROOMREADY_BUILD_SHELL_ONLY=1 builds main and the preload only: the shell's static checks
// (test/unit/shell/shell-build.ts: Electronegativity, the preload's requires) build them into a
// temporary folder with `electron-vite build --outDir <tmp>` and have no use for the renderer.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const projectRoot = import.meta.dirname;
const fromRoot = (...segments: string[]): string => path.resolve(projectRoot, ...segments);

const shellOnly = process.env.ROOMREADY_BUILD_SHELL_ONLY === '1';

export default defineConfig({
  main: {
    build: {
      outDir: fromRoot('out/main'),
      rolldownOptions: {
        input: { index: fromRoot('main/index.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: fromRoot('out/preload'),
      // Bundle everything it imports: a sandboxed preload cannot require from node_modules.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: fromRoot('main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: shellOnly
    ? undefined
    : {
        root: fromRoot('renderer'),
        plugins: [react()],
        build: {
          outDir: fromRoot('out/renderer'),
          // electron-vite leaves bundles unminified; the renderer is the one whose size is felt (parse time at start).
          minify: true,
          rolldownOptions: { input: fromRoot('renderer/index.html') },
        },
      },
});

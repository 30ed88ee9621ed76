// Three bundles: main (ESM, as package.json says "type": "module"), the preload (ONE CommonJS file
// with nothing to require but 'electron', as sandbox: true demands) and the renderer (Vite + React).
// Only what main/index.ts imports reaches the main bundle, so the CLI and headless services stay out.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const projectRoot = import.meta.dirname;
const fromRoot = (...segments: string[]): string => path.resolve(projectRoot, ...segments);

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
  renderer: {
    root: fromRoot('renderer'),
    plugins: [react()],
    build: {
      outDir: fromRoot('out/renderer'),
      rolldownOptions: { input: fromRoot('renderer/index.html') },
    },
  },
});

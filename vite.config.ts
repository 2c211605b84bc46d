import { lezer } from '@lezer/generator/rollup';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The studio: built to out/studio, loaded from app://studio in Electron and from the web host.
export default defineConfig({
  root: 'renderer/studio',
  base: './',
  // lezer(): the rule language's grammar (*.grammar) becomes a parser module at build time.
  plugins: [react(), lezer()],
  worker: { format: 'es' },
  build: {
    outDir: '../../out/studio',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});

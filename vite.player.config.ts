import { defineConfig } from 'vite';

// The learner's player, shipped inside every package: fixed file names (deterministic packages),
// no code splitting, no inline scripts (the package's CSP allows only 'self').
export default defineConfig({
  root: 'renderer/player',
  base: './',
  build: {
    outDir: '../../out/player',
    emptyOutDir: true,
    modulePreload: false,
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    rollupOptions: {
      output: {
        entryFileNames: 'player.js',
        assetFileNames: 'player[extname]',
      },
    },
  },
});

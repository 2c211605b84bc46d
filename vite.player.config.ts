import { defineConfig } from 'vite';

// The learner's player, shipped inside every package: one classic script (an IIFE, so a package
// opened from disk runs under file://), one stylesheet, fixed names (deterministic packages), and
// a static index.html with no inline script (the package's CSP allows only 'self').
export default defineConfig({
  publicDir: 'renderer/player/static',
  build: {
    outDir: 'out/player',
    emptyOutDir: true,
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    lib: {
      entry: 'renderer/player/main.ts',
      formats: ['iife'],
      name: 'TailorPlayer',
      fileName: () => 'player.js',
      cssFileName: 'player',
    },
  },
});

import { defineConfig } from 'vite';

// The preview's LMS page: scorm-again and a frame for the package, served on the preview's own
// origin (never the studio's). One classic script and a static page with no inline script.
export default defineConfig({
  publicDir: 'renderer/studio/preview/lms/static',
  build: {
    outDir: 'out/preview-lms',
    minify: true,
    emptyOutDir: true,
    lib: {
      entry: 'renderer/studio/preview/lms/lms-page.ts',
      formats: ['iife'],
      name: 'TailorPreviewLms',
      fileName: () => 'lms.js',
    },
  },
});

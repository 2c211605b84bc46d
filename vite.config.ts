import { lezer } from '@lezer/generator/rollup';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { ANY_PREVIEW_ORIGIN, studioCsp } from './shared/security/csp.ts';

/** The same policy as the header, also in the page, so the studio's HTML is never without one. */
function studioCspMeta(): Plugin {
  // frame-ancestors is header-only; in a meta tag browsers ignore it with a warning.
  const policy = studioCsp(ANY_PREVIEW_ORIGIN)
    .split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  // Electronegativity rates `script-src 'self'` "maybe weak" (same-origin script gadgets); the studio's
  // origin serves only its own built files, so that one rating is waived on this line (docs/security.md).
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" /><!-- eng-disable CSP_GLOBAL_CHECK -->`;
  return {
    name: 'tailor-studio-csp-meta',
    transformIndexHtml: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    ${meta}`),
  };
}

// The studio: built to out/studio, loaded from app://studio in Electron and from the web host.
export default defineConfig({
  root: 'renderer/studio',
  base: './',
  // lezer(): the rule language's grammar (*.grammar) becomes a parser module at build time.
  plugins: [react(), lezer(), studioCspMeta()],
  worker: { format: 'es' },
  build: {
    outDir: '../../out/studio',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});

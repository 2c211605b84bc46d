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

/**
 * The entry loads the studio with `import('./boot')` (after zod's JIT is off), so the browser would only learn of the
 * studio's chunks once the entry has run. Listing them in the page lets them download beside the entry; a
 * modulepreload fetches and compiles a module but does not run it, so the order the entry sets still holds.
 */
function preloadStudioChunks(): Plugin {
  return {
    name: 'tailor-studio-preload-chunks',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const boot = chunks.find((c) => c.facadeModuleId?.endsWith('/renderer/studio/boot.tsx'));
        if (!boot) throw new Error('tailor-studio-preload-chunks: the boot chunk is missing from the build');
        const files = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (files.has(fileName) || chunk?.type !== 'chunk' || chunk.isEntry) return;
          files.add(fileName);
          chunk.imports.forEach(visit);
        };
        visit(boot.fileName);
        const css = [...files].flatMap((f) => {
          const chunk = bundle[f];
          return chunk?.type === 'chunk' ? [...(chunk.viteMetadata?.importedCss ?? [])] : [];
        });
        return [
          ...[...files].map((f) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', href: `./${f}` },
            injectTo: 'head' as const,
          })),
          ...css.map((f) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', href: `./${f}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

// The studio: built to out/studio, loaded from app://studio in Electron and from the web host.
export default defineConfig({
  root: 'renderer/studio',
  base: './',
  // lezer(): the rule language's grammar (*.grammar) becomes a parser module at build time.
  plugins: [react(), lezer(), studioCspMeta(), preloadStudioChunks()],
  worker: { format: 'es' },
  build: {
    outDir: '../../out/studio',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});

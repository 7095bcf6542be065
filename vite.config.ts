import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { resolveUpstream } from './proxy/config.ts';
import { dashboardProxy } from './proxy/vite-plugin.ts';

const upstream = resolveUpstream(process.env);
const port = Number(process.env.PORT ?? 5173);

/**
 * React Router's package exports only its development build, warnings and checks included
 * (remix-run/react-router#14102); its own framework plugin swaps in dist/production, which an app
 * in data mode must do itself. Builds only: dev keeps the warnings.
 */
const reactRouterProduction = (file: string) =>
  fileURLToPath(new URL(`./node_modules/react-router/dist/production/${file}`, import.meta.url));

/**
 * index.html's app shell writes a repeated piece once, in a `<template>`, and is served and built
 * with it written out: `data-repeat="n"` n times, `data-each="a b …"` once a word, `{each}` in it
 * that word. The shell stays static HTML, drawn before any script. A template may hold another:
 * the innermost are written out first, each at its template's own indentation.
 */
const INNERMOST_TEMPLATE = /^ *<template data-(repeat|each)="([^"]*)">\n((?:(?!<template)[\s\S])*?)^ *<\/template>\n/gm;
const writeOut = (html: string): string => {
  const next = html.replace(INNERMOST_TEMPLATE, (_, kind: string, arg: string, piece: string) => {
    const body = piece.replace(/^ {2}/gm, '');
    return kind === 'repeat'
      ? body.repeat(Number(arg))
      : arg
          .split(' ')
          .map((word) => body.replaceAll('{each}', word))
          .join('');
  });
  return next === html ? html : writeOut(next);
};
const repeatInHtml = (): Plugin => ({ name: 'repeat-in-html', transformIndexHtml: writeOut });

export default defineConfig(({ command }) => ({
  // `/v1` and the backend info are the plugin's: one proxy for dev, preview and production.
  plugins: [react(), tailwindcss(), dashboardProxy(upstream), repeatInHtml()],
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4173), strictPort: true },
  build: {
    target: 'es2022',
    // Maps for debugging a build, not linked from the bundle, so browsers do not fetch them.
    sourcemap: 'hidden',
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React in one chunk of its own, cached across deploys that do not upgrade it.
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            // Everything else the first page needs in one file: left to itself, the bundler cut
            // pieces (the contract and zod, React's JSX runtime) out of the entry into more
            // first-load files whenever a new lazy chunk shared them.
            { name: 'app', tags: ['$initial'], priority: 2 },
            // What several lazy pages share, in a few chunks by who loads them, small sets merged
            // with their neighbour: a job's page fetched 19 files of 0.3 to 3 KB, and on a phone
            // each wave of six costs a round trip before the page can draw. uPlot stays with the
            // charts, so the form never loads it.
            {
              name: 'shared',
              test: (id: string) => !/[\\/]node_modules[\\/]uplot[\\/]/.test(id),
              minShareCount: 2,
              entriesAware: true,
              entriesAwareMergeThreshold: 8000,
              priority: 1,
            },
          ],
        },
        // The shared chunks are named after every page that loads them; a short stable name reads
        // better in the network panel and the size report.
        chunkFileNames: (chunk) =>
          chunk.name.startsWith('shared') ? 'assets/shared-[hash].js' : 'assets/[name]-[hash].js',
        assetFileNames: (asset) =>
          asset.names.some((n) => n.startsWith('shared'))
            ? 'assets/shared-[hash][extname]'
            : 'assets/[name]-[hash][extname]',
      },
    },
  },
  resolve: {
    alias:
      command === 'build'
        ? [
            { find: /^react-router$/, replacement: reactRouterProduction('index.mjs') },
            { find: /^react-router\/dom$/, replacement: reactRouterProduction('dom-export.mjs') },
          ]
        : [],
  },
}));

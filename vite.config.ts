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
 * index.html's app shell writes a repeated piece once, in `<template data-repeat="n">`, and is
 * served and built with it written out n times: the shell stays static HTML, drawn before any script.
 */
const repeatInHtml = (): Plugin => ({
  name: 'repeat-in-html',
  transformIndexHtml: (html) =>
    html.replace(/<template data-repeat="(\d+)">\n([\s\S]*?)[ ]*<\/template>\n/g, (_, n: string, piece: string) =>
      piece.repeat(Number(n)),
    ),
});

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
        // React in one chunk of its own: left alone, the bundler cut its core and JSX runtime into
        // two more tiny first-load files once lazy chunks shared them. One chunk loads beside the
        // entry, and stays cached across deploys that do not upgrade React.
        codeSplitting: {
          groups: [{ name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
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

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { resolveUpstream } from './proxy/config.ts';
import { dashboardProxy } from './proxy/vite-plugin.ts';

const upstream = resolveUpstream(process.env);
const port = Number(process.env.PORT ?? 5173);

export default defineConfig({
  // `/v1` and the backend info are the plugin's: one proxy for dev, preview and production.
  plugins: [react(), tailwindcss(), dashboardProxy(upstream)],
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4173), strictPort: true },
  // Maps for debugging a build, not linked from the bundle, so browsers do not fetch them.
  build: { target: 'es2022', sourcemap: 'hidden', manifest: true },
});

import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['{src,server,contract,proxy,scripts}/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    // Much of the suite waits on child processes, sockets and timers rather than the CPU: on 2 cores
    // the default pool left the machine idle half the time (46 s); three workers keep it busy (26 s).
    maxWorkers: availableParallelism() + 1,
  },
});

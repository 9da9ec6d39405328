import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src-renderer',
  // Relative asset paths: the same build loads from file:// in Electron and from the web host.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist-renderer',
    emptyOutDir: true,
    target: 'es2022',
    // A desktop app loads its bundle from disk or loopback: one chunk is fine.
    chunkSizeWarningLimit: 1500,
  },
});

import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    // Phaser alone is ~1.4 MB raw and is not tree-shaken.
    chunkSizeWarningLimit: 1600,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});

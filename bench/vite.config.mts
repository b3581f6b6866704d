import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

/**
 * Builds the bench worker (bench/suite.ts and the services it imports) into one CommonJS file,
 * bench/.cache/suite.js, for plain Node — the supported way to run the TypeScript services outside
 * Vitest (tsx emits no decorator metadata; see ../shared/STACK.md). Every bare import (node
 * built-ins, node_modules: better-sqlite3-multiple-ciphers, typeorm, zod, playwright-core…) stays
 * external, like the CLI build. run.mjs builds the WAL checkpointer's worker thread with this config
 * too, into bench/.cache/walCheckpointWorker.js beside the suite (vault/walCheckpointer.ts looks there).
 */
const here = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: `${here}suite.ts`,
    outDir: `${here}.cache`,
    // The data sets live in bench/.cache too: never wipe it.
    emptyOutDir: false,
    target: 'node22',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    rolldownOptions: {
      external: (id: string) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:[\\/]/.test(id),
      // A build artefact, not source: keep `npm run lint` off it.
      output: { format: 'cjs', entryFileNames: 'suite.js', codeSplitting: false, banner: '/* eslint-disable */' }
    }
  }
})

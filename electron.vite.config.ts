import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { STYLE_NONCE_PLACEHOLDER } from './src/main/shell/securityPolicy'

/**
 * Three entry points (main, preload, renderer) plus the CLI as a second main entry: the CLI runs
 * with plain `node out/main/cli.js`, no Electron; so does the web preview (`out/main/preview.js`).
 * Three more main entries are worker threads (out/main/walCheckpointWorker.js,
 * out/main/integrityCheckWorker.js and out/main/retentionSweepWorker.js), shared by the app, the
 * CLI and the preview. TypeORM and the
 * native better-sqlite3-multiple-ciphers stay external; the native module and the worker are
 * unpacked from asar when packaged (see electron-builder.yml). The pure-JS libraries of the domain
 * (zod, date-fns and its time zones, libphonenumber-js) are bundled: only what the code uses is
 * evaluated at start, not their whole index (each CLI run starts about 0.15 s sooner, measured).
 */
export default defineConfig({
  main: {
    build: {
      // playwright-core (CLI/test PDF path only) stays external: never bundled into the app.
      externalizeDeps: { include: ['playwright-core'], exclude: ['zod', 'date-fns', '@date-fns/utc', '@date-fns/tz', 'libphonenumber-js'] },
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli/index.ts'),
          // The web preview (`npm run preview`, bin/dossier-preview.js): plain node out/main/preview.js, no Electron.
          preview: resolve(__dirname, 'src/main/preview/index.ts'),
          // The vault's worker threads (vault/workerThreads.ts loads them by file name): the WAL
          // checkpointer and the integrity check after unlock.
          walCheckpointWorker: resolve(__dirname, 'src/main/vault/walCheckpointWorker.mts'),
          integrityCheckWorker: resolve(__dirname, 'src/main/vault/integrityCheckWorker.mts'),
          // The retention sweep's thread (services/sweepThread.ts): the services on a connection of its own.
          retentionSweepWorker: resolve(__dirname, 'src/main/services/retentionSweepWorker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rolldownOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    },
    // The built page carries this stand-in for the style nonce (a <meta property="csp-nonce"> and
    // nonce attributes); the app's scheme replaces it per load (src/main/shell/securityPolicy.ts).
    html: { cspNonce: STYLE_NONCE_PLACEHOLDER },
    plugins: [react()]
  }
})

import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/**
 * Layering (ARCHITECTURE.md: renderer → shared ← main; inside main shell/cli → services → domain →
 * workspace → vault), kept by lint instead of memory. Paths are matched on the import as written
 * (relative): `(\.\./)+x` is a top-level folder of src/ or src/main/ reached from below.
 */
const DOMAIN = ['people', 'relations', 'consent', 'retention', 'rights', 'audit', 'governance', 'register', 'activity', 'documents', 'accounts', 'demo']
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] })
const layers = [
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: restrict({ regex: '^(\\.\\./){2,}main(/|$)', message: 'Layering: the renderer never imports src/main; call the contract (src/shared/contract) through window.dossier.' })
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict({ regex: '^(\\.\\./)+(main|renderer|preload)(/|$)', message: 'Layering: src/shared is imported by main and renderer and imports neither.' })
  },
  {
    files: DOMAIN.map((d) => `src/main/${d}/**/*.ts`),
    rules: restrict({
      regex: '^(\\.\\./)+(services|shell|cli|index)(/|$)',
      message: 'Layering: domain code never imports services/, shell/, cli/ or main/index.ts; it receives a Workspace (src/main/workspace/Workspace.ts).'
    })
  },
  {
    files: ['src/main/workspace/**/*.ts'],
    rules: restrict({
      // The audit record's type (audit/AuditTrail) is the one domain import the context needs.
      regex: `^(\\.\\./)+(services|shell|cli|index|${DOMAIN.filter((d) => d !== 'audit').join('|')})(/|$)`,
      message: 'Layering: workspace/ sits below the domain: it imports shared/, clock, vault/ and the audit record type only.'
    })
  },
  {
    files: ['src/main/vault/**/*.ts'],
    rules: restrict({
      regex: `^(\\.\\./)+(services|shell|cli|index|workspace|${DOMAIN.join('|')})(/|$)`,
      message: 'Layering: vault/ is the bottom of main: it never imports domain folders, workspace/ or services/.'
    })
  }
]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test/e2e/__screenshots__/**', '**/*.tsbuildinfo'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }]
    }
  },
  ...layers,
  {
    files: ['bin/**/*.js', 'build/**/*.cjs', '.ci/**/*.cjs', 'scripts/**/*.{js,mjs,cjs}', 'bench/**/*.{js,mjs}'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-console': 'off' }
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    // tests mutate arbitrary JSON to craft bad payloads
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off' }
  }
)

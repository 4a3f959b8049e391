/** Jest runs TypeScript through swc (fast, no type checking; `npm run typecheck` does that). */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2020' }, module: { type: 'commonjs' } }];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  // idb and a few Fluent/teams packages ship ESM only
  transformIgnorePatterns: ['/node_modules/(?!(idb)/)'],
  testTimeout: 30000,
  // Some suites leave a keep-alive socket or timer behind after their servers close (found with the full
  // run only); exiting explicitly keeps CI from hanging until its time limit. Results are unaffected.
  forceExit: true,
};

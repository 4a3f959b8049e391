// ESLint (flat config). Its main job is security: Partnerzicht renders text that comes from outside
// the municipality (email subjects, display names, addresses, meeting titles) and text other officials
// wrote (partner names, note summaries, agenda topics). React escapes everything it renders as text;
// the only ways around that are the HTML sinks banned below. One script injected through a display
// name would run with the official's Graph token inside Outlook or Teams — so no code path may turn
// data into markup. Render text as React children, and links through `safeHref` (src/core/safeHref.ts).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const HTML_SINK = 'turns a string into live HTML/script (XSS). Render text as React children; see eslint.config.mjs.';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-package/**', 'node_modules/**', '.data/**', 'coverage/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin, 'react-hooks': reactHooks },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      // ---- XSS: HTML sinks (the reason is in the header of this file) ----
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: `dangerouslySetInnerHTML ${HTML_SINK}` },
        { selector: "Property[key.name='dangerouslySetInnerHTML']", message: `dangerouslySetInnerHTML ${HTML_SINK}` },
        { selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]", message: `innerHTML/outerHTML assignment ${HTML_SINK}` },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: `insertAdjacentHTML ${HTML_SINK}` },
        { selector: "CallExpression[callee.property.name='createContextualFragment']", message: `createContextualFragment ${HTML_SINK}` },
        { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: `document.write ${HTML_SINK}` },
        { selector: "CallExpression[callee.property.name='parseFromString']", message: `DOMParser.parseFromString builds markup from a string; ${HTML_SINK}` },
      ],
      // Strings run as code: the same risk as an HTML sink, and the CSP forbids it anyway.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // `javascript:` links in our own code (user-written links go through safeHref).
      'no-script-url': 'error',
      // ---- React ----
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The security tests hold attack strings as data (payload corpora); they are never links of ours.
    files: ['tests/security/**/*.ts'],
    rules: { 'no-script-url': 'off' },
  },
  {
    // Node-side code that never renders user data into a page.
    files: ['scripts/**/*.ts', 'webpack.config.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
);

// ESLint flat config. Next 16 has no `next lint`: `npm run lint` runs `eslint .` with this file.
// eslint-config-next ships flat configs: core-web-vitals brings the Next.js, React, React Hooks (rules-of-hooks,
// exhaustive-deps and the compiler-backed checks), import and jsx-a11y rules; typescript brings typescript-eslint's
// recommended rules.
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  {
    // Generated, vendored or built output, and the posts themselves: nothing a person edits as code.
    ignores: [
      ".next*/**",
      "prisma/generated/**",
      "vendor/**",
      "data/**",
      ".tmp/**",
      "test-results/**",
      "playwright-report/**",
      "content/**",
      "tests/corpus-sample/**",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      // `_`-prefixed names are the one way to say "unused on purpose" (a destructured field left out, a required parameter).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
    },
  },
];

export default config;

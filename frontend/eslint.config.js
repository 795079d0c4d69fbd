// ESLint: the React hooks rules over the app's TypeScript. The parser is Babel's (syntax
// only): typescript-eslint needs the TypeScript 5 compiler API, which TypeScript 7 (our
// `tsc`) no longer ships, and type-aware checks are `tsc`'s job here anyway.
import babelParser from '@babel/eslint-parser';
import reactHooks from 'eslint-plugin-react-hooks';

const parsing = (plugins) => ({
  parser: babelParser,
  parserOptions: {
    requireConfigFile: false,
    babelOptions: { babelrc: false, configFile: false, parserOpts: { plugins } },
  },
});

export default [
  { ignores: ['dist/**', 'node_modules/**', 'src/api/schema.gen.ts'] },
  { files: ['src/**/*.ts'], languageOptions: parsing(['typescript']) },
  { files: ['src/**/*.tsx'], languageOptions: parsing(['typescript', 'jsx']) },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
];

// Writes src-shared/validation/generated/validators.js (+ .d.ts): ajv standalone validators for the shared schemas.
// Run after changing a schema: `node scripts/generate-validators.mjs`. The generated files are committed; a unit test
// (src-shared/validation/validate.test.ts) fails when they are out of date.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(root, 'src-shared/validation/generated');
const source = await tsImport(resolve(root, 'src-shared/validation/validator-source.ts'), import.meta.url);

mkdirSync(outDir, { recursive: true });
writeFileSync(resolve(outDir, 'validators.js'), source.buildValidatorSource());
writeFileSync(resolve(outDir, 'validators.d.ts'), source.buildValidatorDeclarations());
console.log(`wrote ${outDir}/validators.js and validators.d.ts`);

import { fileURLToPath } from 'node:url';
import { checkLayers } from './checkLayers.js';
import { readSources } from './readSources.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const files = readSources(root, ['src-shared', 'src-main', 'src-renderer', 'src-hub', 'assets']);
const violations = checkLayers(files);
for (const v of violations) console.error(`${v.file}: import "${v.specifier}": ${v.why}`);
console.log(`layers: ${files.length} files checked, ${violations.length} wrong imports`);
process.exit(violations.length > 0 ? 1 : 0);

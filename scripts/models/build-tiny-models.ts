import { resolve } from 'node:path';
import { buildTinyModels } from './tiny-models.js';

// Usage: node dist/scripts/models/build-tiny-models.js [directory]   (default: resources/models)
const root = resolve(process.argv[2] ?? 'resources/models');
for (const [name, dir] of Object.entries(buildTinyModels(root))) console.log(`${name.padEnd(12)} ${dir}`);

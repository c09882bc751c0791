/** `npm run schema`: regenerate schema/trace.schema.json from the zod schema. */
import { writeFileSync } from 'node:fs';
import { traceJsonSchema } from '../src/trace/schema.js';

writeFileSync(new URL('../schema/trace.schema.json', import.meta.url), traceJsonSchema());

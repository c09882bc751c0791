#!/usr/bin/env node
// Entry point: registers the TypeScript loader (so user programs may be .ts files too), then
// runs the CLI and exits with its code.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

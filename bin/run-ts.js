#!/usr/bin/env node
// Runs a TypeScript file of the project: node bin/run-ts.js FILE [args…]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const file = process.argv[2];
process.argv.splice(2, 1);
await import(pathToFileURL(path.resolve(file)).href);

/**
 * Fills a database with the benchmark province (bench/generate.ts):
 *   node bin/run-ts.js bench/gen/cli.ts [--orgs 120] [--audit 50000] [--years 10] [--tasks 60] [--activities 1000] [--articles 100000]
 * (DATA_DIR or DATABASE_URL as for ttdn; an empty database is created and seeded first)
 */
import { bootstrap } from '../../src/bootstrap';
import { loadConfig } from '../../src/config';
import { generate, sizesFromArgs } from '../generate';

const { database } = await bootstrap(loadConfig(process.env));
await generate(database.db, sizesFromArgs(process.argv.slice(2)));
await database.close();

import type { Db } from '../../src/db/client';

/** How much the generator makes. */
export interface Sizes {
  orgs: number;
  audit: number;
  years: number;
  tasksPerYear: number;
  activitiesPerYear: number;
  articles: number;
}

/** One generator of bench data (bench/gen/<module>.ts), run in order by generate.ts. */
export interface Generator {
  name: string;
  /** Tables the generator writes: it is skipped when one is missing. */
  tables: string[];
  run(db: Db, sizes: Sizes, log: (s: string) => void): Promise<void>;
}

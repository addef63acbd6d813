import type { JobDefinition } from './types';

/** Every background job of the product. Modules add theirs here. */
export const JOBS: JobDefinition[] = [];

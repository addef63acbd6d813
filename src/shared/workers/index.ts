export { closeWorkers, runInWorker, WORKER_MEMORY_MB, type WorkerJob } from './pool';

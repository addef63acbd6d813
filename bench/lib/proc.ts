import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const TTDN = path.join(ROOT, 'bin/ttdn.js');
export const RUN_TS = path.join(ROOT, 'bin/run-ts.js');

export interface Proc {
  child: ChildProcess;
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a node process and waits for `ready` in its output (an http://localhost:PORT URL
 * by default). Only loopback: the env sets HOST=127.0.0.1.
 */
export function startProcess(
  args: string[],
  env: Record<string, string | undefined>,
  ready: RegExp = /http:\/\/localhost:(\d+)/,
  timeoutMs = 90_000,
): Promise<Proc> {
  return new Promise((resolve, reject) => {
    const merged: Record<string, string | undefined> = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env };
    const child = spawn(process.execPath, args, {
      env: Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
    });
    let out = '';
    let done = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not start:\n${out}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      out += d;
      const m = out.match(ready);
      if (m && !done) {
        done = true;
        clearTimeout(timer);
        resolve({
          child,
          url: m[1] ? `http://127.0.0.1:${m[1]}` : '',
          output: () => out,
          stop: () =>
            new Promise((res) => {
              if (child.exitCode !== null || child.signalCode !== null) return res();
              child.once('exit', () => res());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!done) reject(new Error(`${args.join(' ')} exited with ${code}:\n${out}`));
    });
  });
}

export const startTtdn = (roles: string, env: Record<string, string | undefined>) =>
  startProcess([TTDN, 'serve', '--role', roles], env, roles === 'worker' ? /ttdn worker (đang chạy)/ : undefined);

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { province2026Orgs } from '../src/demo/province-2026';
import { adminUrl, createPgDatabase, dropPgDatabase, withDatabase } from './db';
import { loginHttp, runTtdn, startServer } from './processes';

/** The `ttdn` command as an operator uses it, on a database of its own. Each test starts processes: give them time on a busy machine. */
vi.setConfig({ testTimeout: 120_000 });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ttdn-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('ttdn command line', () => {
  it('stops on a bad configuration value with a sentence naming it', async () => {
    const r = await runTtdn(['serve'], { PORT: 'abc', DATA_DIR: path.join(tmp, 'bad') });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Biến môi trường PORT không hợp lệ (abc)');
  });

  it('user add creates and loads a new embedded database, then the account can log in', async () => {
    const dataDir = path.join(tmp, 'fresh');
    const add = await runTtdn(
      ['user', 'add', '--username', 'nguyen.van.a', '--password', 'Mat-khau-2026-a', '--role', 'officer', '--org', 'so ngoai vu'],
      { DATA_DIR: dataDir, DEMO_PASSWORD: 'Demo-password-1' },
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('Đơn vị: Sở Ngoại vụ');
    const server = await startServer({ DATA_DIR: dataDir });
    try {
      const login = await loginHttp(server.url, 'nguyen.van.a', 'Mat-khau-2026-a');
      expect(login.status).toBe(200);
      // The demo province was loaded on creation: the directory is there.
      const orgs = await fetch(`${server.url}/api/orgs?q=dakrong`, { headers: { cookie: login.cookie } });
      expect((await orgs.json()).items[0].name).toBe('UBND huyện Đakrông');
      // While the server owns the folder, another process is refused with a clear message.
      const second = await runTtdn(['user', 'add', '--username', 'x.y', '--password', 'Mat-khau-2026-b', '--role', 'leader'], {
        DATA_DIR: dataDir,
      });
      expect(second.code).not.toBe(0);
      expect(second.stderr).toMatch(/đang được tiến trình \d+ sử dụng/);
    } finally {
      await server.stop();
    }
  });

  it('user add refuses an officer without an organisation and an unknown organisation', async () => {
    const dataDir = path.join(tmp, 'fresh');
    const noOrg = await runTtdn(['user', 'add', '--username', 'b.b', '--password', 'Mat-khau-2026-a', '--role', 'officer'], {
      DATA_DIR: dataDir,
    });
    expect(noOrg.code).not.toBe(0);
    expect(noOrg.stderr).toContain('phải thuộc một đơn vị');
    const unknown = await runTtdn(
      ['user', 'add', '--username', 'c.c', '--password', 'Mat-khau-2026-a', '--role', 'officer', '--org', 'Bộ Quốc phòng Hoa Kỳ'],
      { DATA_DIR: dataDir },
    );
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Không tìm thấy đơn vị "Bộ Quốc phòng Hoa Kỳ"');
  });
});

// On PostgreSQL only: the embedded database is owned by one process (see the lock test above).
if (adminUrl())
  describe('several API processes on one PostgreSQL', () => {
    it('start together, migrate once and share sessions', async () => {
      const name = `ttdn_multi_${process.pid}`;
      await createPgDatabase(adminUrl()!, name);
      const env = { DATABASE_URL: withDatabase(adminUrl()!, name), DEMO_PASSWORD: 'Demo-password-1' };
      const [a, b] = await Promise.all([startServer(env), startServer(env)]);
      try {
        const login = await loginHttp(a.url, 'admin', 'Demo-password-1');
        expect(login.status).toBe(200);
        const me = await fetch(`${b.url}/api/auth/me`, { headers: { cookie: login.cookie } });
        expect(me.status).toBe(200);
        const orgs = await (await fetch(`${b.url}/api/orgs?pageSize=500`, { headers: { cookie: login.cookie } })).json();
        expect(orgs.total).toBe(province2026Orgs().length); // the demo directory loaded once, not once per process
      } finally {
        await Promise.all([a.stop(), b.stop()]);
        await dropPgDatabase(adminUrl()!, name);
      }
    });
  });

describe('ttdn plan import', () => {
  it('prints the plan as JSON without a running server, matching the directory, saving nothing', async () => {
    const dataDir = path.join(tmp, 'plan-import');
    const r = await runTtdn(['plan', 'import', 'src/demo/ke-hoach-ttdn-quang-tri-2023.md', '--json'], { DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.tasks).toHaveLength(18);
    const t8 = plan.tasks.find((t: { code: string }) => t.code === '8');
    expect(t8.lead[0].name).toBe('Ủy ban nhân dân tỉnh Quảng Trị');
    expect(t8.lead[0].orgId).toMatch(/^[0-9a-f-]{36}$/);
    expect(t8.advisory[0].name).toBe('Sở Thông tin và Truyền thông');
    expect(plan.reporting.deadlines).toEqual([
      { day: 25, month: 5 },
      { day: 25, month: 11 },
    ]);
    expect(plan.document).toMatchObject({ yearFrom: 2023, yearTo: 2023, issuedOn: null });
  });

  it('--as-of resolves the names as of that date, through successors, and refuses a date that does not exist', async () => {
    const dataDir = path.join(tmp, 'plan-import');
    const file = 'src/demo/ke-hoach-ttdn-quang-tri-2023.md';
    const r = await runTtdn(['plan', 'import', file, '--json', '--as-of', '2026-12-01'], { DATA_DIR: dataDir });
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.resolvedAsOf).toBe('2026-12-01');
    const t1 = plan.tasks.find((t: { code: string }) => t.code === '1');
    expect(t1.lead[0]).toMatchObject({ name: 'Sở Văn hóa, Thể thao và Du lịch', raw: 'Sở Thông tin và Truyền thông' });
    expect(t1.lead[0].chain[0]).toMatchObject({ validTo: '2025-02-28', duty: 'foreign_information' });
    expect(t1.coordinating[1]).toMatchObject({ group: 'communes', raw: 'UBND các huyện, thị xã, thành phố' });
    const bad = await runTtdn(['plan', 'import', file, '--json', '--as-of', '2026-02-30'], { DATA_DIR: dataDir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Ngày --as-of không hợp lệ (2026-02-30)');
    expect(bad.stdout).toBe('');
  });

  it('exits non-zero with a clear message on a file it cannot read', async () => {
    const missing = await runTtdn(['plan', 'import', 'no-such-file.docx', '--json'], { DATA_DIR: path.join(tmp, 'plan-import') });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('Không đọc được tệp no-such-file.docx');
    const garbage = path.join(tmp, 'garbage.docx');
    fs.writeFileSync(garbage, 'this is not a word document');
    const bad = await runTtdn(['plan', 'import', garbage, '--json'], { DATA_DIR: path.join(tmp, 'plan-import') });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.length).toBeGreaterThan(10);
    expect(bad.stdout).toBe('');
  });
});

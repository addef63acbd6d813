import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { adminUrl, createPgDatabase, dropPgDatabase, withDatabase } from './db';
import { runTtdn } from './processes';

/**
 * Any province, not only the demo (#15 item 5): a second province set up with `ttdn province init`
 * from a commune spreadsheet imports its own plan, every organisation resolved to its directory.
 */
vi.setConfig({ testTimeout: 180_000 });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ttdn-province-'));
const FIXTURES = 'src/modules/province/fixtures';
const pgName = `ttdn_province_${process.pid}`;

/** A new, empty database of its own: an embedded one in a fresh folder, or a new PostgreSQL database. */
async function freshDatabase(label: string): Promise<Record<string, string>> {
  if (!adminUrl()) return { DATA_DIR: path.join(tmp, label) };
  await createPgDatabase(adminUrl()!, `${pgName}_${label}`);
  return { DATABASE_URL: withDatabase(adminUrl()!, `${pgName}_${label}`) };
}
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  if (adminUrl()) for (const label of ['hatinh', 'bad']) await dropPgDatabase(adminUrl()!, `${pgName}_${label}`).catch(() => undefined);
});

interface Entry {
  raw: string;
  name: string;
  orgId: string | null;
  group?: string;
  members?: { name: string }[];
}

describe('ttdn province init', () => {
  it('sets up Hà Tĩnh from a commune spreadsheet, then its own plan resolves to the new directory', async () => {
    const env = await freshDatabase('hatinh');
    const init = await runTtdn(['province', 'init', '--name', 'Hà Tĩnh', '--communes', `${FIXTURES}/ha-tinh-communes.csv`], env, 120_000);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Đã thiết lập tỉnh Hà Tĩnh.');
    expect(init.stdout).toContain(
      'Cơ quan: Ủy ban nhân dân tỉnh Hà Tĩnh (văn bản ban hành: ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH; địa danh: Hà Tĩnh)',
    );
    expect(init.stdout).toContain('14 cơ quan chuyên môn: Văn phòng Ủy ban nhân dân tỉnh; Sở Nội vụ;');
    expect(init.stdout).toContain('10 đơn vị hành chính cấp xã: 5 xã, 5 phường, 0 đặc khu');
    expect(init.stdout).toContain('Nhóm "UBND các xã, phường, đặc khu": 10 đơn vị');
    expect(init.stdout).toContain('Cơ quan thường trực: Sở Văn hóa, Thể thao và Du lịch');

    const imported = await runTtdn(['plan', 'import', `${FIXTURES}/ke-hoach-ttdn-ha-tinh-2026.md`, '--json'], env, 120_000);
    expect(imported.stderr).toBe(''); // no demo data was loaded on top of the province
    expect(imported.code).toBe(0);
    const plan = JSON.parse(imported.stdout) as { tasks: { code: string; lead: Entry[]; coordinating: Entry[] }[] };
    expect(plan.tasks.map((t) => t.code)).toEqual(['1', '2', '3', '4', '5']);
    const entries = plan.tasks.flatMap((t) => [...t.lead, ...t.coordinating]);
    const unresolved = entries.filter((e) => !e.orgId && !e.group);
    expect(unresolved.map((e) => e.raw)).toEqual([]);
    const task = (code: string) => plan.tasks.find((t) => t.code === code)!;
    expect(task('1').lead.map((e) => e.name)).toEqual(['Sở Văn hóa, Thể thao và Du lịch']);
    expect(task('1').coordinating.map((e) => e.name)).toEqual(['Sở Ngoại vụ', 'Sở Khoa học và Công nghệ']);
    const communes = task('2').lead[0];
    expect(communes.group).toBe('communes');
    expect(communes.members?.map((m) => m.name)).toHaveLength(10);
    expect(communes.members?.map((m) => m.name)).toContain('UBND phường Thành Sen');
    expect(task('4').lead.map((e) => e.name)).toEqual(['UBND xã Thạch Khê']);
    expect(task('4').coordinating.map((e) => e.name)).toEqual(['Sở Văn hóa, Thể thao và Du lịch', 'Văn phòng Ủy ban nhân dân tỉnh']);
    expect(task('5').coordinating[0].group).toBe('departments');
    // Nothing of the demo province is in this directory.
    expect(imported.stdout).not.toContain('Quảng Trị');

    const again = await runTtdn(['province', 'init', '--name', 'Nghệ An', '--communes', `${FIXTURES}/ha-tinh-communes.csv`], env);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('Danh bạ đã có 25 cơ quan, đơn vị');
  });

  it('refuses a spreadsheet with a bad row, naming row and column, and creates nothing', async () => {
    const env = await freshDatabase('bad');
    const file = path.join(tmp, 'communes.csv');
    fs.writeFileSync(file, 'Ma,Ten,Cap\n18073,Phường Thành Sen,Phường\n18100,Phường Trần Phú,Huyện\n');
    const r = await runTtdn(['province', 'init', '--name', 'Hà Tĩnh', '--communes', file], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Tệp danh sách xã có 1 lỗi; chưa lưu gì.');
    expect(r.stderr).toContain('Dòng 3, cột C (Cap): "Huyện" không phải cấp xã');
    // The database was never opened: a later init with a good file works.
    const ok = await runTtdn(['province', 'init', '--name', 'Hà Tĩnh', '--communes', `${FIXTURES}/ha-tinh-communes.csv`], env, 120_000);
    expect(ok.code, ok.stderr).toBe(0);
  });
});

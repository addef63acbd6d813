import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fold } from '../../shared/text/fold';
import { DUTY_CODES } from '../../modules/orgs/duties';

// The 2026 demo province's data files, checked as data: counts from the resolutions,
// unique codes and keys, every link pointing at a record that exists, every source cited.
const dir = new URL('./', import.meta.url);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));

const communeSchema = z
  .object({
    code: z.string().regex(/^\d{5}$/),
    name: z.string().min(1),
    level: z.enum(['xa', 'phuong', 'dac_khu']),
    formedFrom: z.array(z.string().min(1)).min(1),
    formedFromCodes: z.array(z.string().regex(/^\d{3,5}$/)).min(1),
    formerDistricts: z.array(z.string().min(1)).min(1),
    formerProvince: z.enum(['quang-binh', 'quang-tri']),
    source: z.string(),
    codeSource: z.string(),
  })
  .strict();

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const orgKind = z.enum(['province', 'department', 'press', 'armed_forces', 'central', 'party', 'other']);
const leaderSchema = z
  .object({ role: z.string(), name: z.string(), since: isoDate, until: isoDate.optional(), source: z.string() })
  .strict();
const departmentSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    name: z.string().min(1),
    shortName: z.string().min(1),
    kind: orgKind,
    aliases: z.array(z.string().min(1)),
    validFrom: isoDate.optional(),
    leaders: z.array(leaderSchema).optional(),
    source: z.string(),
  })
  .strict();

// The directory's duty codes; a link that moves the whole body says ['all'].
const DUTIES = DUTY_CODES;
const province = z.enum(['quang-binh', 'quang-tri']);
const historyOrgSchema = z
  .object({
    key: departmentSchema.shape.key,
    name: z.string().min(1),
    shortName: z.string().min(1),
    kind: orgKind,
    aliases: z.array(z.string().min(1)),
    formerProvince: province.nullable(),
    validFrom: isoDate.optional(),
    validTo: isoDate,
    successors: z.array(z.object({ key: z.string(), duties: z.array(z.enum(DUTIES)).min(1), since: isoDate }).strict()).min(1),
    namedIn: z.array(z.string()).optional(),
    source: z.string(),
  })
  .strict();
const districtSchema = z
  .object({
    key: departmentSchema.shape.key,
    code: z.string().regex(/^\d{3}$/),
    name: z.string().min(1),
    shortName: z.string().min(1),
    aliases: z.array(z.string().min(1)),
    formerProvince: province,
    validTo: isoDate,
    communes: z.array(z.string()).min(1),
    source: z.string(),
  })
  .strict();

const communes = z.array(communeSchema).parse(readJson('communes.json'));
const departments = z.array(departmentSchema).parse(readJson('departments.json'));
const history = z
  .object({ orgs: z.array(historyOrgSchema), districts: z.array(districtSchema) })
  .strict()
  .parse(readJson('history.json'));
const sourcesText = readFileSync(new URL('SOURCES.md', dir), 'utf8');
const sourceKeys = new Set([...sourcesText.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]));

const count = <T>(items: T[], pick: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [pick(item)]: (acc[pick(item)] ?? 0) + 1 }), {});

describe('communes.json (Nghị quyết 1680/NQ-UBTVQH15)', () => {
  it('has the 78 units: 69 xã, 8 phường, 1 đặc khu; 41 from Quảng Bình, 37 from Quảng Trị', () => {
    expect(communes).toHaveLength(78);
    expect(count(communes, (c) => c.level)).toEqual({ xa: 69, phuong: 8, dac_khu: 1 });
    expect(count(communes, (c) => c.formerProvince)).toEqual({ 'quang-binh': 41, 'quang-tri': 37 });
  });

  it('has unique codes and names, each name beginning with its level', () => {
    expect(new Set(communes.map((c) => c.code)).size).toBe(78);
    expect(new Set(communes.map((c) => c.name)).size).toBe(78);
    const prefix = { xa: 'Xã ', phuong: 'Phường ', dac_khu: 'Đặc khu ' } as const;
    for (const c of communes) expect(c.name.startsWith(prefix[c.level]), c.name).toBe(true);
  });

  it('takes every old unit once: 145 of Quảng Bình, 119 of Quảng Trị and Huyện Cồn Cỏ', () => {
    const old = communes.flatMap((c) => c.formedFromCodes);
    expect(new Set(old).size).toBe(old.length);
    expect(old).toHaveLength(145 + 119 + 1);
    for (const c of communes) expect(c.formedFromCodes, c.name).toHaveLength(c.formedFrom.length);
  });

  it('knows the four old names reused by another unit, so matching must go by code', () => {
    const byName = new Map(communes.map((c) => [c.name, c]));
    const reused = communes.flatMap((c) => c.formedFrom.filter((old) => byName.has(old) && byName.get(old) !== c));
    expect(reused.sort()).toEqual(['Xã Hòa Trạch', 'Xã Minh Hóa', 'Xã Mỹ Thủy', 'Xã Tân Thành']);
  });

  it('names the 18 former districts: 8 of Quảng Bình, 10 of Quảng Trị', () => {
    const districts = new Map<string, string>();
    for (const c of communes) for (const d of c.formerDistricts) districts.set(d, c.formerProvince);
    expect(count([...districts.values()], (p) => p)).toEqual({ 'quang-binh': 8, 'quang-tri': 10 });
  });

  it('spot-checks units against the resolution', () => {
    const byCode = new Map(communes.map((c) => [c.code, c]));
    expect(byCode.get('18880')).toMatchObject({ name: 'Phường Đồng Hới', formerDistricts: ['Thành phố Đồng Hới'] });
    expect(byCode.get('18880')?.formedFrom).toHaveLength(8);
    expect(byCode.get('19742')).toMatchObject({ name: 'Đặc khu Cồn Cỏ', level: 'dac_khu', formedFrom: ['Huyện Cồn Cỏ'] });
    expect(byCode.get('18919')).toMatchObject({ name: 'Xã Tân Thành', formedFrom: ['Xã Tân Thành'], formerDistricts: ['Huyện Minh Hóa'] });
    expect(byCode.get('19432')?.formedFrom.sort()).toEqual(['Thị trấn Lao Bảo', 'Xã Tân Long', 'Xã Tân Thành']);
  });
});

describe('departments.json (the bodies of 2026)', () => {
  const namesOf = (d: { name: string; aliases: string[] }) => [d.name, ...d.aliases].map(fold);
  const byName = (name: string) => departments.filter((d) => namesOf(d).includes(fold(name)));

  it('has unique keys, and no name or alias that stands for two bodies', () => {
    expect(new Set(departments.map((d) => d.key)).size).toBe(departments.length);
    const seen = new Map<string, string>();
    for (const d of departments)
      for (const n of new Set(namesOf(d))) {
        expect(seen.get(n) ?? d.key, `${n} in ${d.key} and ${seen.get(n)}`).toBe(d.key);
        seen.set(n, d.key);
      }
  });

  it('has the 14 cơ quan chuyên môn of the merged province and the Ban Quản lý Khu kinh tế', () => {
    const specialised = [
      'van-phong-ubnd',
      'so-noi-vu',
      'so-tu-phap',
      'so-tai-chinh',
      'so-cong-thuong',
      'so-nnmt',
      'so-xay-dung',
      'so-khcn',
      'so-gddt',
      'so-y-te',
      'so-vhttdl',
      'thanh-tra',
      'so-ngoai-vu',
      'so-dan-toc-ton-giao',
    ];
    expect(specialised).toHaveLength(14);
    const kinds = departments.filter((d) => d.kind === 'department').map((d) => d.key);
    expect(kinds.sort()).toEqual([...specialised, 'ban-qlkkt'].sort());
  });

  it('resolves the names a 2026 plan writes, each to one body valid on 2026-12-01', () => {
    for (const name of [
      'Sở Văn hóa, Thể thao và Du lịch',
      'Sở Văn hoá, Thể thao và Du lịch tỉnh',
      'Sở Dân tộc và Tôn giáo',
      'Báo và Phát thanh - Truyền hình Quảng Trị',
      'Báo và Phát thanh, Truyền hình Quảng Trị',
      'Ban Tuyên giáo và Dân vận Tỉnh ủy',
      'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
      'Công an tỉnh',
      'Ủy ban MTTQ Việt Nam tỉnh',
      'UBND tỉnh',
    ]) {
      const found = byName(name);
      expect(found, name).toHaveLength(1);
      expect((found[0].validFrom ?? '0000-00-00') <= '2026-12-01', name).toBe(true);
    }
  });

  it('has one province body, whose chair since 17/11/2025 is Lê Hồng Vinh', () => {
    const province = departments.filter((d) => d.kind === 'province');
    expect(province.map((d) => d.key)).toEqual(['ubnd-tinh']);
    const chair = province[0].leaders?.find((l) => l.since <= '2026-12-01' && (l.until ?? '9999') >= '2026-12-01');
    expect(chair?.name).toBe('Lê Hồng Vinh');
  });
});

describe('history.json (the two former provinces until 2025)', () => {
  const current = new Map(departments.map((d) => [d.key, d]));
  const former = new Map(history.orgs.map((o) => [o.key, o]));
  const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const names = (o: { name: string; aliases: string[] }) => [o.name, ...o.aliases].map(fold);

  /** Where an organisation's duty went by `date`: the link carrying the duty, else the whole-body link. */
  function follow(key: string, duty: (typeof DUTIES)[number], date = '2026-12-01'): string {
    const path: string[] = [];
    for (let at = key; ;) {
      path.push(at);
      expect(path.length, path.join(' → ')).toBeLessThan(6);
      const o = former.get(at);
      if (!o || o.validTo >= date) return at;
      const links = o.successors.filter((s) => s.since <= date);
      const link = links.find((s) => s.duties.includes(duty)) ?? links.find((s) => s.duties.includes('all'));
      expect(link, `${path.join(' → ')}: nowhere for ${duty}`).toBeDefined();
      at = link!.key;
    }
  }

  it('has keys unique across all three files', () => {
    const keys = [...departments.map((d) => d.key), ...history.orgs.map((o) => o.key), ...history.districts.map((d) => d.key)];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('links every organisation to successors that exist and are valid on the day the link starts', () => {
    for (const o of history.orgs) {
      if (o.validFrom) expect(o.validFrom < o.validTo, o.key).toBe(true);
      for (const s of o.successors) {
        const to = current.get(s.key) ?? former.get(s.key);
        expect(to, `${o.key} → ${s.key}`).toBeDefined();
        if (s.duties.includes('all')) expect(s.duties, `${o.key} → ${s.key}`).toEqual(['all']);
        expect(s.since <= nextDay(o.validTo) && s.since > (o.validFrom ?? ''), `${o.key} → ${s.key} since ${s.since}`).toBe(true);
        expect((to!.validFrom ?? '0000-00-00') <= s.since, `${s.key} not yet valid on ${s.since}`).toBe(true);
        if ('validTo' in to!) expect(to.validTo >= s.since, `${s.key} ended before ${s.since}`).toBe(true);
      }
    }
  });

  it('leads every former organisation, along each of its links, to a body of 2026', () => {
    for (const o of history.orgs)
      for (const duty of new Set(o.successors.flatMap((s) => s.duties)))
        expect(current.has(follow(o.key, duty)), `${o.key} (${duty})`).toBe(true);
  });

  it('follows the 2025 changes by duty', () => {
    expect(follow('qt-so-tttt', 'foreign_information')).toBe('so-vhttdl');
    expect(follow('qt-so-tttt', 'press')).toBe('so-vhttdl');
    expect(follow('qt-so-tttt', 'digital_transformation')).toBe('so-khcn');
    expect(follow('qb-so-tttt', 'publishing')).toBe('so-vhttdl');
    expect(follow('qt-so-tttt', 'foreign_information', '2025-04-01')).toBe('qt-so-vhttdl');
    expect(follow('qt-ban-dan-toc', 'ethnic_affairs')).toBe('so-dan-toc-ton-giao');
    expect(follow('qt-so-noi-vu', 'religion')).toBe('so-dan-toc-ton-giao');
    expect(follow('qt-so-noi-vu', 'home_affairs')).toBe('so-noi-vu');
    expect(follow('qt-so-ldtbxh', 'social_protection')).toBe('so-y-te');
    expect(follow('qt-so-ldtbxh', 'vocational_training')).toBe('so-gddt');
    expect(follow('qt-so-khdt', 'planning_investment')).toBe('so-tai-chinh');
    expect(follow('qt-bao-quang-tri', 'press')).toBe('bao-ptth-quang-tri');
    expect(follow('qb-dai-ptth', 'broadcasting')).toBe('bao-ptth-quang-tri');
    expect(follow('bo-tttt', 'foreign_information')).toBe('bo-vhttdl');
  });

  it('has the 10 former districts of Quảng Trị and the 8 of Quảng Bình, which together hold each of the 78 communes once', () => {
    const byProvince = history.districts.reduce<Record<string, number>>(
      (acc, d) => ({ ...acc, [d.formerProvince]: (acc[d.formerProvince] ?? 0) + 1 }),
      {},
    );
    expect(byProvince).toEqual({ 'quang-tri': 10, 'quang-binh': 8 });
    const byCode = new Map(communes.map((c) => [c.code, c]));
    const held = history.districts.flatMap((d) => d.communes);
    expect(held.sort()).toEqual(communes.map((c) => c.code).sort());
    for (const d of history.districts)
      for (const code of d.communes) {
        expect(byCode.get(code)?.formerDistricts, `${d.key} ${code}`).toContain(d.name);
        expect(byCode.get(code)?.formerProvince, `${d.key} ${code}`).toBe(d.formerProvince);
      }
    const huongHoa = history.districts.find((d) => names(d).includes(fold('UBND huyện Hướng Hóa')));
    expect(huongHoa?.communes.map((c) => byCode.get(c)?.name).sort()).toEqual(
      ['Xã A Dơi', 'Xã Hướng Lập', 'Xã Hướng Phùng', 'Xã Khe Sanh', 'Xã Lao Bảo', 'Xã Lìa', 'Xã Tân Lập'].sort(),
    );
  });

  it('holds every organisation the Quảng Trị 2023 plan names, under the name the plan writes', () => {
    const plan = fold(readFileSync(new URL('../ke-hoach-ttdn-quang-tri-2023.md', dir), 'utf8'));
    const onPlanDate = (o: { validFrom?: string; validTo?: string }) =>
      (o.validFrom ?? '0000') <= '2023-06-30' && (o.validTo ?? '9999') >= '2023-06-30';
    const directory = [
      ...history.orgs.filter((o) => o.formerProvince !== 'quang-binh' && onPlanDate(o)),
      ...departments.filter(onPlanDate),
      ...history.districts,
    ];
    const written = [
      'Sở Thông tin và Truyền thông',
      'Báo Quảng Trị',
      'Đài Phát thanh - Truyền hình tỉnh',
      'Đài Phát thanh-Truyền hình tỉnh',
      'Đài Phát thanh - Truyền hình tỉnh Quảng Trị',
      'Tạp chí Cửa Việt',
      'Trung tâm xúc tiến Đầu tư, Thương mại và Du lịch tỉnh',
      'Trung tâm xúc tiến Đầu tư, Thương mại và Du lịch',
      'Sở Ngoại vụ',
      'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
      'Công an tỉnh',
      'Sở Văn hóa, Thể thao và Du lịch tỉnh',
      'Sở Văn hóa, Thể thao và Du lịch',
      'UBND thị xã Quảng Trị',
      'Bộ Thông tin và Truyền thông',
      'Bộ Tư lệnh Bộ đội Biên phòng',
      'Sở Kế hoạch và Đầu tư',
      'Sở Công Thương',
      'Ban Quản lý Khu kinh tế',
      'Ban Quản lý Khu kinh tế tỉnh',
      'Ban Dân tộc',
      'Cục Hải quan tỉnh',
      'Ban Tuyên giáo Tỉnh ủy',
      'Sở Tài chính',
      'UBND tỉnh',
      'Ban Chỉ đạo công tác thông tin đối ngoại tỉnh',
      'Cục TTĐN',
      'TT Tỉnh ủy',
      'TT HĐND tỉnh',
      'Hướng Hóa',
      'Đakrông',
    ];
    for (const name of written) {
      expect(plan, name).toContain(fold(name));
      const found = [
        ...directory.filter((o) => names(o).includes(fold(name))),
        ...history.districts.filter((d) => fold(d.name).endsWith(` ${fold(name)}`)),
      ];
      expect(
        found.map((o) => o.key),
        name,
      ).toHaveLength(1);
    }
  });
});

describe('SOURCES.md', () => {
  it('lists every source key used by a record and has a section of what is not confirmed', () => {
    const used = new Set([
      ...communes.flatMap((c) => [c.source, c.codeSource]),
      ...departments.flatMap((d) => [d.source, ...(d.leaders ?? []).map((l) => l.source)]),
      ...history.orgs.flatMap((o) => [o.source, ...(o.namedIn ?? [])]),
      ...history.districts.map((d) => d.source),
    ]);
    for (const key of used) expect(sourceKeys, key).toContain(key);
    expect(sourcesText).toMatch(/^## Chưa xác nhận được$/m);
  });

  it('names under "Chưa xác nhận được" every record whose source is "inferred"', () => {
    const unconfirmed = sourcesText.slice(sourcesText.indexOf('## Chưa xác nhận được'));
    for (const d of departments.filter((d) => d.source === 'inferred')) expect(unconfirmed, d.key).toContain(`\`${d.key}\``);
    const ofTheMerger = (o: { validTo: string; successors: { key: string }[] }) =>
      o.validTo === '2025-06-30' && o.successors.every((s) => departments.some((d) => d.key === s.key));
    for (const o of history.orgs.filter((o) => o.source === 'inferred'))
      expect(
        unconfirmed.includes(`\`${o.key}\``) || (ofTheMerger(o) && o.successors.every((s) => unconfirmed.includes(`\`${s.key}\``))),
        o.key,
      ).toBe(true);
  });
});

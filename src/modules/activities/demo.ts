import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { SYSTEM_ACTOR } from '../audit';
import { plans, planTasks } from '../plans';
import { legalDocInput } from './activities.schemas';
import { createLegalDoc } from './legal-docs.service';

/** The documents the seed plan cites (its legal bases and section IV.5), linked to the tasks that implement them. */
const DOCS = [
  {
    docType: 'Quyết định',
    number: '25/2019/QĐ-UBND',
    issuedOn: '2019-04-16',
    issuer: 'UBND tỉnh Quảng Trị',
    title: 'Ban hành Quy chế quản lý hoạt động thông tin đối ngoại trên địa bàn tỉnh Quảng Trị',
    tasks: ['1'],
  },
  {
    docType: 'Thông tư',
    number: '03/2019/TT-BTTTT',
    issuedOn: '2019-05-06',
    issuer: 'Bộ Thông tin và Truyền thông',
    title: 'Quy định về việc đăng, phát nội dung thông tin đối ngoại trên báo chí',
    tasks: ['1', '2.1'],
  },
  {
    docType: 'Quyết định',
    number: '1079/QĐ-TTg',
    issuedOn: '2022-09-14',
    issuer: 'Thủ tướng Chính phủ',
    title: 'Phê duyệt Đề án truyền thông về quyền con người ở Việt Nam',
    tasks: ['1', '2.4'],
  },
  {
    docType: 'Công văn',
    number: '5740/BTTTT-TTĐN',
    issuedOn: '2022-11-25',
    issuer: 'Bộ Thông tin và Truyền thông',
    title: 'Hướng dẫn xây dựng Kế hoạch công tác thông tin đối ngoại năm 2023',
    tasks: ['1'],
  },
];

/** Seeds the legal document library for the demo plan (no activities: the register starts empty). */
export async function loadDemoActivities(db: Db) {
  const [plan] = await db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.yearFrom, 2023), eq(plans.status, 'issued')))
    .limit(1);
  if (!plan) return;
  const tasks = await db.select({ id: planTasks.id, code: planTasks.code }).from(planTasks).where(eq(planTasks.planId, plan.id));
  for (const d of DOCS) {
    const taskIds = d.tasks.map((c) => tasks.find((t) => t.code === c)?.id).filter((x): x is string => Boolean(x));
    await createLegalDoc(db, legalDocInput.parse({ ...d, taskIds }), SYSTEM_ACTOR);
  }
}

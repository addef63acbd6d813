/**
 * Activities: `activitiesPerYear` a year (events, press conferences, delegations, training
 * courses) spread over the organisations and months, each linked to a task of that year's
 * generated plan; half of them with spending from the state budget. Generated server-side.
 */
import { sql } from 'drizzle-orm';
import type { Generator } from './types';
import { BENCH_PLAN_TITLE } from './plans';

export const activitiesGenerator: Generator = {
  name: 'activities',
  tables: ['activities', 'activity_tasks', 'activity_spending', 'plans'],
  async run(db, sizes, log) {
    const thisYear = new Date().getFullYear();
    for (let year = thisYear - sizes.years + 1; year <= thisYear; year++) {
      await db.execute(sql`
        WITH o AS (SELECT array_agg(id ORDER BY name) AS ids FROM orgs WHERE kind <> 'province'),
        t AS (SELECT array_agg(pt.id ORDER BY pt.position) AS ids FROM plan_tasks pt JOIN plans p ON p.id = pt.plan_id WHERE p.title = ${`${BENCH_PLAN_TITLE} ${year}`}),
        ins AS (
          INSERT INTO activities (kind, title, org_id, starts_on, ends_on, place, description, details)
          SELECT (ARRAY['event','press_conference','delegation','training'])[1 + g % 4],
                 'Hoạt động thông tin đối ngoại số ' || g || ' năm ' || ${year},
                 o.ids[1 + g % array_length(o.ids, 1)],
                 make_date(${year}, 1 + g % 12, 1 + g % 28), make_date(${year}, 1 + g % 12, 1 + g % 28),
                 'Đông Hà, Quảng Trị', 'Tổ chức hoạt động giới thiệu hình ảnh, tiềm năng của tỉnh với bạn bè quốc tế.',
                 CASE g % 4
                   WHEN 0 THEN jsonb_build_object('eventType', 'conference', 'visitors', 50 + g % 500)
                   WHEN 1 THEN jsonb_build_object('spokesperson', 'Phó Chủ tịch UBND tỉnh', 'outletsPresent', 5 + g % 30)
                   WHEN 2 THEN jsonb_build_object('direction', CASE WHEN g % 8 = 2 THEN 'in' ELSE 'out' END, 'country', 'Lào', 'size', 3 + g % 12)
                   ELSE jsonb_build_object('trainees', 20 + g % 80) END
          FROM generate_series(1, ${sizes.activitiesPerYear}) g, o
          RETURNING id),
        numbered AS (SELECT id, row_number() OVER () AS n FROM ins),
        links AS (INSERT INTO activity_tasks (activity_id, task_id) SELECT numbered.id, t.ids[1 + (n % array_length(t.ids, 1))::int] FROM numbered, t WHERE t.ids IS NOT NULL)
        INSERT INTO activity_spending (activity_id, source, amount) SELECT id, 'state_budget', 1000000 * (1 + n % 50) FROM numbered WHERE n % 2 = 0`);
    }
    log(`activities: +${sizes.years * sizes.activitiesPerYear} (linked to tasks, half with spending)`);
  },
};

import { customType, timestamp } from 'drizzle-orm/pg-core';

/** Column types shared by the modules' tables. */
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
export const ts = (name: string) => timestamp(name, { withTimezone: true });

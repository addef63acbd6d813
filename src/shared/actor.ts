/** Who did it: a user, or the system (CLI, demo loader, jobs). Recorded with every change. */
export interface Actor {
  id: string | null;
  name: string;
  ip?: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

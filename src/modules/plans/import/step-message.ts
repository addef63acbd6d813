import type { SuccessorStep } from './types';

// Pure, without the directory: the web (RoleEditor) imports it, so it must not reach a module's door.

export const ddmmyyyy = (d: string | null) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '');

/**
 * The catalogue message of a step: `Sở TTTT (đến 28/02/2025) → Sở VHTTDL: nhiệm vụ TTĐN`.
 * `dutyLabel` turns a duty code into its words (the catalogue's `duty.<code>`).
 */
export function stepMessage(
  step: SuccessorStep,
  dutyLabel: (code: string) => string = (c) => c,
): { code: string; details: Record<string, string> } {
  const details = {
    from: step.fromShortName || step.fromName,
    validTo: ddmmyyyy(step.validTo),
    to: step.toShortName || step.toName,
  };
  return step.duty && step.duty !== 'all'
    ? { code: 'plan.org_successor_duty', details: { ...details, duty: dutyLabel(step.duty) } }
    : { code: 'plan.org_successor', details };
}

// Compile-time proof that the IPC contract's schemas (preload/contract/model.ts)
// and core's domain types (main/core/domain.ts) describe the same data. If one
// side changes without the other, `npm run typecheck` fails here.
import type { z } from 'zod';
import type { Account, Plan, RunEvent, VerifiedState, VerifyResult, StepResult, ResetOptions } from '../core/domain';
import type { RunSummary } from '../flow/runs';
import type { account, plan, runEvent, runSummary, verifiedState, verifyResult, stepResult, resetOptions } from '../../preload/contract';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assignable<From, To> = [From] extends [To] ? true : false;
const check = <T extends true>(): T => true as T;

// Core data must fit the reply schemas (what main sends)...
export const coreFitsContract = [
  check<Assignable<Account, z.input<typeof account>>>(),
  check<Assignable<Plan, z.input<typeof plan>>>(),
  check<Assignable<RunEvent, z.input<typeof runEvent>>>(),
  check<Assignable<VerifiedState, z.input<typeof verifiedState>>>(),
  check<Assignable<VerifyResult, z.input<typeof verifyResult>>>(),
  check<Assignable<StepResult, z.input<typeof stepResult>>>(),
  check<Assignable<RunSummary, z.input<typeof runSummary>>>(),
] as const;

// ...and what the renderer receives must be usable as core data.
export const contractFitsCore = [
  check<Assignable<z.output<typeof account>, Account>>(),
  check<Assignable<z.output<typeof verifiedState>, VerifiedState>>(),
  check<Assignable<z.output<typeof stepResult>, StepResult>>(),
  check<Same<z.output<typeof resetOptions>, ResetOptions>>(),
] as const;

// plan.* : make plans (dry runs), keep the recent ones for run.start and
// export, and preview exclusions without calling any directory.
import type { PlanRequest as ContractPlanRequest } from '../../preload/contract';
import type { Account, ExcludedEntry, Plan, SelectionProblem } from '../core/domain';
import { applyExclusions, exclusionOrder } from '../core/exclusions';
import { planToJson } from '../core/plan';
import type { Selection } from '../core/selection';
import type { RekeyFlow } from '../flow/service';
import type { SettingsStore } from '../storage/settings';
import type { AccountsSnapshot, AccountsSnapshots } from './accounts-snapshot';

/** Plans older than the last this-many are forgotten (a plan of 50,000 accounts is large). */
export const keptPlans = 20;

export class PlanStore {
  private readonly plans = new Map<string, Plan>();

  constructor(private readonly limit = keptPlans) {}

  remember(plan: Plan): Plan {
    this.plans.delete(plan.id);
    this.plans.set(plan.id, plan);
    while (this.plans.size > this.limit) {
      const oldest = this.plans.keys().next().value as string;
      this.plans.delete(oldest);
    }
    return plan;
  }

  get(planId: string): Plan {
    const plan = this.plans.get(planId);
    if (!plan) throw new Error(`Plan ${planId} is no longer available (Rekey keeps the last ${this.limit} plans while it runs); make the plan again.`);
    return plan;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export class PlanService {
  constructor(
    private readonly flow: RekeyFlow,
    private readonly snapshots: AccountsSnapshots,
    private readonly settings: SettingsStore,
    readonly store: PlanStore = new PlanStore(),
  ) {}

  async create(request: ContractPlanRequest): Promise<Plan> {
    const selection = request.selection.by === 'keys' ? await this.selectKeys(request.selection.keys) : await this.flow.select(request.selection);
    const plan = await this.flow.plan({ selection, exclusionSets: request.exclusionSets, ...(request.options ? { options: request.options } : {}) });
    return this.store.remember(plan);
  }

  get(planId: string): Plan {
    return this.store.get(planId);
  }

  export(planId: string): { fileName: string; mimeType: string; content: string } {
    const plan = this.store.get(planId);
    return { fileName: `rekey-${plan.id}.json`, mimeType: 'application/json', content: planToJson(plan) };
  }

  /** Which picked accounts the chosen sets keep out, and why: the same rules and order the plan applies. */
  async previewExclusions(keys: readonly string[], exclusionSets: readonly string[]): Promise<{ selected: number; excluded: ExcludedEntry[] }> {
    const { accounts } = await this.resolveKeys(keys);
    const { excluded } = applyExclusions(accounts, exclusionOrder(this.settings.get().exclusionSets, exclusionSets));
    return { selected: accounts.length, excluded };
  }

  /** Accounts picked in the grid, by key, from the snapshot the grid shows. */
  private async selectKeys(keys: readonly string[]): Promise<Selection> {
    const { accounts, missing, snapshot } = await this.resolveKeys(keys);
    const problems: SelectionProblem[] = missing.map((key) => ({
      line: null,
      reason: 'unknown-account',
      message: `${key} is not in the current account listing (the listing was refreshed or its directory disconnected); refresh the list and pick it again.`,
    }));
    const names = new Map(snapshot.directories.map((d) => [d.id, d.displayName]));
    const used = [...new Set(accounts.map((a) => names.get(a.directoryId) ?? a.directoryId))];
    return { accounts, problems, description: `${plural(accounts.length, 'account')} picked in the list${used.length > 0 ? ` (${used.join(', ')})` : ''}` };
  }

  private async resolveKeys(keys: readonly string[]): Promise<{ accounts: Account[]; missing: string[]; snapshot: AccountsSnapshot }> {
    const unique = [...new Set(keys)];
    let snapshot = this.snapshots.current();
    // A key not seen yet may still arrive while the listing runs.
    if (snapshot.loading && unique.some((key) => !snapshot.account(key))) snapshot = await this.snapshots.complete();
    const accounts: Account[] = [];
    const missing: string[] = [];
    for (const key of unique) {
      const account = snapshot.account(key);
      if (account) accounts.push(account);
      else missing.push(key);
    }
    return { accounts, missing, snapshot };
  }
}

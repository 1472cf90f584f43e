// Injectable trouble, so clients can be tested against what a real org does on
// a bad day: a 429 with a reset time, 500/503, a connection reset, a read that
// never answers, access tokens that expire early, another app in the org
// burning the shared rate budget, and added latency.
import type { StandinBucket } from './ratelimit';

export type FaultAction =
  | { kind: 'status'; status: 500 | 503 }
  /**
   * Answer 429 E0000047 with X-Rate-Limit-Reset this many seconds ahead (default: end of the current window).
   * `bare`: without any X-Rate-Limit-* header, as a proxy or gateway in front of the org may answer.
   */
  | { kind: 'rate-limit'; resetInSeconds?: number; bare?: boolean }
  | { kind: 'connection-reset' }
  /** Accept the request and never answer (the client's read timeout must fire). */
  | { kind: 'read-timeout' }
  /** Expire every access token issued so far, then handle the request normally. */
  | { kind: 'expire-tokens' }
  /** Another app spends `count` requests (or everything left) from this request's bucket, then the request is handled normally. */
  | { kind: 'burst'; count: number | 'all'; bucket?: StandinBucket }
  | { kind: 'latency'; ms: number };

export interface FaultRule {
  method?: string;
  /** Exact path, or a pattern tested against the path (no query). */
  path?: string | RegExp;
  /** How many matching requests the rule applies to. */
  times: number;
  /** Let this many matching requests pass untouched first. */
  skip?: number;
  action: FaultAction;
}

export class FaultPlan {
  private rules: (FaultRule & { seen: number })[] = [];
  /** Latency added to every request, in clock milliseconds. */
  latencyMs = 0;

  add(rule: FaultRule): void {
    this.rules.push({ ...rule, seen: 0 });
  }

  clear(): void {
    this.rules = [];
    this.latencyMs = 0;
  }

  /** The actions that apply to this request; each consumes one use of its rule. */
  take(method: string, path: string): FaultAction[] {
    const actions: FaultAction[] = [];
    for (const rule of this.rules) {
      if (rule.times <= 0) continue;
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (rule.path !== undefined && !(typeof rule.path === 'string' ? rule.path === path : rule.path.test(path))) continue;
      rule.seen++;
      if (rule.seen <= (rule.skip ?? 0)) continue;
      rule.times--;
      actions.push(rule.action);
    }
    this.rules = this.rules.filter((rule) => rule.times > 0);
    return actions;
  }

  pending(): number {
    return this.rules.reduce((sum, rule) => sum + rule.times, 0);
  }
}

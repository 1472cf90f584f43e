// Everything needed to talk to one Okta org: the pacer (one per org, since the
// rate budget is per org), Rekey's request executor, the SDK client built from
// the connection and its secret, and the retry policy.
import type { Clock, SecretStore } from '../core/ports';
import { systemClock } from '../core/ports';
import type { CallPolicy } from './call';
import { createSdkClient } from './client';
import { apiTokenSecretName, privateKeySecretName, type OktaConnection } from './connection';
import { RekeyRequestExecutor } from './executor';
import { RatePacer } from './pacer';
import type { OktaClient } from './sdk';

export interface OktaRuntimeOptions {
  clock?: Clock;
  /** Fraction of each rate limit Rekey may use (settings.pacing.rateShare). */
  rateShare?: number;
  /** Requests in flight per rate bucket. */
  maxInFlight?: number;
  /** Real milliseconds before a request without an answer is abandoned. */
  requestTimeoutMs?: number;
  max429Retries?: number;
  transientRetries?: number;
  transientBackoffMs?: number;
  resetMarginMs?: number;
}

export const defaultRuntime = {
  rateShare: 0.9,
  maxInFlight: 8,
  requestTimeoutMs: 30_000,
  max429Retries: 5,
  transientRetries: 2,
  transientBackoffMs: 1_000,
} as const;

export class MissingSecretError extends Error {}

export class OktaSession {
  readonly clock: Clock;
  readonly pacer: RatePacer;
  readonly policy: CallPolicy;
  private readonly executor: RekeyRequestExecutor;
  private client?: OktaClient;

  constructor(
    readonly connection: OktaConnection,
    private readonly secrets: SecretStore,
    options: OktaRuntimeOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.pacer = new RatePacer({ clock: this.clock, rateShare: options.rateShare ?? defaultRuntime.rateShare, maxInFlight: options.maxInFlight ?? defaultRuntime.maxInFlight, resetMarginMs: options.resetMarginMs });
    this.executor = new RekeyRequestExecutor({ pacer: this.pacer, clock: this.clock, requestTimeoutMs: options.requestTimeoutMs ?? defaultRuntime.requestTimeoutMs });
    this.policy = {
      clock: this.clock,
      authMode: connection.auth.mode,
      max429Retries: options.max429Retries ?? defaultRuntime.max429Retries,
      transientRetries: options.transientRetries ?? defaultRuntime.transientRetries,
      transientBackoffMs: options.transientBackoffMs ?? defaultRuntime.transientBackoffMs,
    };
  }

  /** The SDK client, built on first use from the stored secret. */
  async sdk(): Promise<OktaClient> {
    if (this.client) return this.client;
    const { connection } = this;
    if (connection.auth.mode === 'api-token') {
      const token = await this.secrets.get(apiTokenSecretName(connection));
      if (!token) throw new MissingSecretError(`No API token is saved for ${connection.displayName}. Paste one on the Connections screen.`);
      this.client = createSdkClient({ orgUrl: connection.orgUrl, auth: { mode: 'api-token', token }, executor: this.executor });
    } else {
      const privateKeyPem = await this.secrets.get(privateKeySecretName(connection));
      if (!privateKeyPem) throw new MissingSecretError(`No private key is saved for ${connection.displayName}. Generate or import one on the Connections screen.`);
      const { clientId, keyId, scopes } = connection.auth;
      this.client = createSdkClient({ orgUrl: connection.orgUrl, auth: { mode: 'private-key', clientId, keyId, privateKeyPem, scopes }, executor: this.executor });
    }
    return this.client;
  }

  /** A client for other scopes with the same credentials and pacer (the connection check asks for one scope at a time). */
  async sdkWithScopes(scopes: readonly string[]): Promise<OktaClient> {
    const { connection } = this;
    if (connection.auth.mode !== 'private-key') return this.sdk();
    const privateKeyPem = await this.secrets.get(privateKeySecretName(connection));
    if (!privateKeyPem) throw new MissingSecretError(`No private key is saved for ${connection.displayName}. Generate or import one on the Connections screen.`);
    const { clientId, keyId } = connection.auth;
    return createSdkClient({ orgUrl: connection.orgUrl, auth: { mode: 'private-key', clientId, keyId, privateKeyPem, scopes }, executor: this.executor });
  }
}

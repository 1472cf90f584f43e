// The Okta SDK (@okta/okta-sdk-nodejs 8, CommonJS), loaded once with the
// types it ships. Loaded through createRequire because Rekey needs one of its
// internal modules too (the ConfigLoader, see client.ts), and both must be the
// very module instances the SDK's Client uses.
import { createRequire } from 'node:module';
import type * as OktaSdk from '@okta/okta-sdk-nodejs';

const require = createRequire(import.meta.url);

export const sdk = require('@okta/okta-sdk-nodejs') as typeof OktaSdk;

/** The SDK's config loader: merges ~/.okta/okta.yaml, ./okta.yaml and OKTA_CLIENT_* variables into a Client's config. */
export interface SdkConfigLoader {
  config: { client: Record<string, unknown> };
  apply(config: unknown): void;
  applyDefaults(): void;
}

export const sdkConfigLoader = (require('@okta/okta-sdk-nodejs/src/config-loader') as { ConfigLoader: { prototype: SdkConfigLoader } }).ConfigLoader;

export type OktaClient = OktaSdk.Client;
export type OktaUser = OktaSdk.User;
export type OktaGroup = OktaSdk.Group;

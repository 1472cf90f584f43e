// The Entra ID directory of Rekey: what the rest of the app (Connections
// screen, run engine) uses. See README.md for the app registration it needs.
export { EntraConnection, validateConnectionConfig, type ConnectionState, type EntraConnectionConfig, type EntraConnectionDeps } from './connection';
export { EntraDirectory, verifySelect } from './directory';
export { SignInRequiredError, certificateThumbprintSha256, type DeviceCodeInfo, type InteractiveSignIn, type SignedInIdentity } from './auth';
export { requiredPermissions, type PermissionCheck, type PermissionReport } from './permissions';
export { graphWriteQuota, type RetryTiming, type WriteQuota } from './throttle';

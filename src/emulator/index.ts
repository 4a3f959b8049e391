/**
 * The local Microsoft Graph emulator: SharePoint sites, lists, columns and list items over
 * Graph v1.0, with Graph's status codes, shapes and limits (indexed-column rules, the 5,000-item
 * list view threshold, 20-request batches, throttling), so tests and the demo run the production
 * Graph code against it. See README-like notes in each module for the why.
 */
export { createGraphEmulator, DEFAULT_SITE, MAX_BATCH_REQUESTS, type GraphEmulator } from './emulator';
export { startGraphEmulator } from './server';
export { ADMIN_TOKEN_SCOPES, createTestToken, OFFICIAL_TOKEN_SCOPES, TEAM_TOKEN_SCOPES } from './testToken';
export { ENDPOINT_PERMISSIONS, permissionFor, type EndpointPermission } from './permissions';
export type { ListCreateQuirk } from './sharepointRoutes';
export { ALL_FAULT_KINDS } from './faults';
export type { SentActivityNotification } from './activityRoutes';
export { LIST_VIEW_THRESHOLD } from './listStore';
export { emulatorClientOptions } from './graphClientOptions';
export type {
  EmulatorOptions,
  EmulatorUser,
  FaultConfig,
  FaultKind,
  GraphResponse,
  LoggedRequest,
  RequestContext,
  RouteDefinition,
  RouteHandler,
  SiteAddress,
  UserProfile,
} from './types';

/** The team hub's public surface: the service, and the administration the CLI and tests use. */
export { startHub, migrateHub, type HubOptions, type RunningHub } from './server';
export { createPool } from './db';
export {
  ensureLibrary,
  createInvitation,
  joinHub,
  listMembers,
  changeMember,
  resetMemberPassword,
  type Invitation,
  type MemberRow,
} from './admin';
export { HubError } from './errors';
export { initHub, inviteMember, withHubPool, type InitResult } from './setup';

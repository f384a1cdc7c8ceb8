/** The team hub's public surface: the service, and the administration the CLI and tests use. */
export { startHub, migrateHub, type HubOptions, type RunningHub } from './server';
export { createPool } from './db';
export { ensureLibrary, createInvitation, joinHub, type Invitation } from './admin';
export { changeMember, listMembers, resetMemberPassword, type MemberRow } from './members';
export { HubError } from './errors';
export { initHub, inviteMember, withHubPool, type InitResult } from './setup';
export { defaultKeyFile, keyFingerprint, loadServiceKey } from './cursor-seal';

/** accounts: operator accounts (scrypt passwords, roles, sign-in throttling) and signed sessions. Imports domain/, and the use cases' Principal type. */
export {
  createOperatorAccounts,
  MIN_PASSWORD,
  OPERATOR_ROLES,
  principalOf,
  type NewOperator,
  type OperatorAccounts,
  type OperatorRecord,
  type OperatorRole,
  type OperatorStore,
  type OperatorSummary,
} from './operators.js';
export { hashPassword, verifyPassword } from './password.js';
export { createLoginThrottle, type LoginThrottle, type ThrottleConfig } from './throttle.js';
export { createSessions, loadSessionSecret, SESSION_SECRET_FILE, type EndedSessions, type Session, type SessionConfig, type Sessions } from './sessions.js';
export { InvalidOperatorError, LoginFailedError, LoginThrottledError, OperatorExistsError, OperatorNotFoundError } from './errors.js';

/** The accounts' errors; their kk and ru texts are in each locale's errors.json. */
import { defineError } from '../domain/index.js';

/** LoginFailedError: unknown username, wrong password or a disabled account (one answer for all three). */
export const LoginFailedError = defineError('LOGIN_FAILED', 'forbidden');
/** LoginThrottledError: too many failed attempts for this username from this address. */
export const LoginThrottledError = defineError<{ minutes: number }>('LOGIN_THROTTLED', 'forbidden');
/** OperatorExistsError: the username is taken. */
export const OperatorExistsError = defineError<{ username: string }>('OPERATOR_EXISTS', 'conflict');
/** OperatorNotFoundError: no account with this username. */
export const OperatorNotFoundError = defineError<{ username: string }>('OPERATOR_NOT_FOUND', 'not_found');
/** InvalidOperatorError: a new account's username, role, provider or password does not fit the rules. */
export const InvalidOperatorError = defineError<{ field: string }>('INVALID_OPERATOR', 'invalid');

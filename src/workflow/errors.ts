/** The engine's typed errors; kk and ru texts are in locales/{kk,ru}/errors.json. */
import { defineError } from '../domain/index.js';

/** ActionNotAllowedError: the action does not leave this state, or not on this channel. */
export const ActionNotAllowedError = defineError<{ action: string; state: string; channel: string }>(
  'ACTION_NOT_ALLOWED',
  'forbidden',
);
/** RoleNotAllowedError: the action exists, but not for the actor's role. */
export const RoleNotAllowedError = defineError<{ action: string; role: string; allowed: string }>(
  'ROLE_NOT_ALLOWED',
  'forbidden',
);
/** NotOwnApplicationError: an applicant acts on somebody else's application. */
export const NotOwnApplicationError = defineError<Record<string, never>>('NOT_OWN_APPLICATION', 'forbidden');
/** InputRequiredError: the action needs a reason, a comment or a new deadline that was not given. */
export const InputRequiredError = defineError<{ action: string; missing: string }>('INPUT_REQUIRED', 'invalid');
/** ReasonNotAllowedError: the reason code is not one this action accepts. */
export const ReasonNotAllowedError = defineError<{ reason: string; allowed: string }>('REASON_NOT_ALLOWED', 'invalid');
/** DeadlineNotLaterError: an extension must move the deadline later. */
export const DeadlineNotLaterError = defineError<{ newDeadline: string; deadline: string }>(
  'DEADLINE_NOT_LATER',
  'invalid',
);
/** DeadlineOutOfRangeError: an extension to a day past the dates the service accepts anywhere (DATE_WINDOW_YEARS). */
export const DeadlineOutOfRangeError = defineError<{ newDeadline: string; latest: string }>('DEADLINE_OUT_OF_RANGE', 'invalid');
/** ApplicationTerminalError: the application is finished; nothing more can happen to it. */
export const ApplicationTerminalError = defineError<{ state: string }>('APPLICATION_TERMINAL', 'conflict');
/** UnknownStateError: the stored state is not in the definition (a definition changed under it). */
export const UnknownStateError = defineError<{ state: string; service: string }>('UNKNOWN_STATE', 'internal');

/** workflow: the pure engine, the working-day calendar, the overdue planner and the preschool queue. Imports only domain/. */
export { availableActions, transition, startDeadline } from './engine.js';
export type {
  Actor,
  AvailableAction,
  DocumentsToIssue,
  HistoryEntry,
  TransitionInput,
  TransitionRequest,
  TransitionResult,
} from './engine.js';
export { createKzCalendar, startOfDayInAlmaty, endOfDayInAlmaty, type WorkingCalendar } from './calendar.js';
export { KZ_DAY_TRANSFERS, type DayTransfer } from './kz-transfers.js';
export { findOverdue, type OverdueItem } from './overdue.js';
export { validateForm } from './form.js';
export * from './preschool-queue.js';
export * from './errors.js';

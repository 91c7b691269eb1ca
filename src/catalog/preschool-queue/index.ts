/** The preschool queue service: definition and form. */
export { preschoolQueueService } from './service.js';
export { PreschoolQueueForm, preschoolQueueForm, PRESCHOOL_AGE_LIMIT } from './form.js';

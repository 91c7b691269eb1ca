/** The disabled-children home-education service: definition and form. */
export { disabledChildrenHomeEducationService } from './service.js';
export { DisabledChildrenHomeEducationForm, disabledChildrenHomeEducationForm } from './form.js';

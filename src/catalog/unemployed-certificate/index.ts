/** The unemployed certificate service: definition and form. */
export { unemployedCertificateService } from './service.js';
export { UnemployedCertificateForm, unemployedCertificateForm } from './form.js';

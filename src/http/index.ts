/** http: the Express app (routes, middleware, error mapping). */
export { createHttpApp, type HttpAppDeps } from './app.js';
export { errorBody, statusOf } from './errors.js';
export type { ScreenAppsDeps } from './screens/apps.js';
export type { CitizenCertificateView, CitizenRequest, CitizenSigning, LoginCheck } from './screens/citizen-signing.js';

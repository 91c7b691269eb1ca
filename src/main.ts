/** Process entry for `npm start`: configuration from the environment, compose, listen; SIGTERM stops. */
import { serve } from './cli/serve.js';

process.exitCode = await serve([], process.env);

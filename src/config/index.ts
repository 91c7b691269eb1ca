/** config: the typed configuration and its pure loader. Only main.ts and cli/ read process.env. */
export { ConfigSchema, type Config } from './schema.js';
export { loadConfig, ConfigError, ENVIRONMENT, type MachineFacts } from './load.js';

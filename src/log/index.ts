/** log: JSON lines on stderr, one object per event. Rooms receive a Logger; none imports this file but compose/cli. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Readonly<Record<string, unknown>>;

/** Logger is the port every room logs through. */
export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

function serialise(value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack, cause: serialise(value.cause) };
  }
  return value;
}

/** createLogger writes events at or above a level to a sink (stderr by default). */
export function createLogger(level: LogLevel, sink: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const emit = (at: Exclude<LogLevel, 'silent'>) => (event: string, fields: LogFields = {}) => {
    if (ORDER[at] < ORDER[level]) return;
    const entries = Object.entries(fields).map(([k, v]) => [k, serialise(v)]);
    sink(`${JSON.stringify({ time: new Date().toISOString(), level: at, event, ...Object.fromEntries(entries) })}\n`);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

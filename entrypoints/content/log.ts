// Every error is caught and logged with one prefix, so a journalist (or we) can filter the console
// and the host page never sees an exception from us.
export const LOG_PREFIX = '[年报核对]';

export function logError(where: string, err: unknown): void {
  console.error(LOG_PREFIX, where, err);
}

/** Run `fn`; on a throw, log it and return `fallback`. */
export function guard<T>(where: string, fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (err) {
    logError(where, err);
    return fallback;
  }
}

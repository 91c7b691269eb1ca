/** Cookies on a response: one Set-Cookie per name, the last value set winning, whoever set the others. */
import type { Response } from 'express';

export function setCookie(res: Response, name: string, value: string, attributes: string): void {
  const previous = res.getHeader('Set-Cookie');
  const list = (Array.isArray(previous) ? previous : previous === undefined ? [] : [String(previous)]).filter(
    (cookie) => !cookie.startsWith(`${name}=`),
  );
  res.setHeader('Set-Cookie', [...list, `${name}=${value}; ${attributes}`]);
}

/** cookieValue: the raw value of a request cookie, or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

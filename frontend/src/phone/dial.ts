/**
 * What a person types or clicks into what the web phone dials. The server applies the
 * line's dialing rules; here only the punctuation people write numbers with goes away.
 */

/** Digits, `*`, `#` and a leading `+`; null when nothing dialable is left. */
export function normalizeDial(input: string): string | null {
  const trimmed = input.trim();
  const target = trimmed.startsWith('tel:') ? decodeURIComponent(trimmed.slice(4).split(/[;?]/)[0]) : trimmed;
  if (/[^0-9*#+\s().\-/]/.test(target)) return null;
  const plus = target.trimStart().startsWith('+');
  const digits = target.replace(/[^0-9*#]/g, '');
  if (!digits) return null;
  return plus ? `+${digits}` : digits;
}

/** The SIP URI of a dialled target in the phone's domain. */
export function sipTarget(dialled: string, domain: string): string {
  return `sip:${dialled}@${domain}`;
}

/** The route of an `X-Callflow-Route` header (`ext:102;revision=3` -> `ext:102`), for display. */
export function routeLabel(header: string | null | undefined): string | null {
  const route = (header ?? '').split(';')[0].trim();
  if (!route) return null;
  return route.startsWith('ext:') ? `Extension ${route.slice(4)}` : route;
}

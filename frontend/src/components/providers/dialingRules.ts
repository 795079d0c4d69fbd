/** The dialing-rule semantics of workspace/contact_center/providers/dialing.py, for the live preview. */
import type { DialingRule } from '../../api/sipAccounts';

export const EXAMPLE_NUMBER = '0174448746';

export function ruleMatches(number: string, rule: DialingRule): boolean {
  const digits = number.replace(/\D/g, '').length;
  return Boolean(rule.startWith) && number.startsWith(rule.startWith) && digits >= (rule.minLength || 0);
}

/** The number rewritten by the first matching rule, with that rule's index; -1 when none matches. */
export function applyDialingRules(number: string, rules: readonly DialingRule[]): { result: string; index: number } {
  const index = rules.findIndex((rule) => ruleMatches(number, rule));
  if (index < 0) return { result: number, index };
  const rule = rules[index];
  return { result: (rule.replaceWith ?? '') + number.slice(rule.startWith.length), index };
}

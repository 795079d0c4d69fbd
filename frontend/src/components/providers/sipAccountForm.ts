/** The SIP account form's values and their conversion to what /sip-accounts accepts. */
import type { DialingRule, SipAccount, SipAccountInput, SipProtocol } from '../../api/sipAccounts';
import { changedFields, orNull } from '../common/changes';

export interface RuleValues {
  startWith: string;
  replaceWith: string;
  minLength: number | string;
}

export interface SipAccountValues {
  friendlyName: string;
  username: string;
  password: string;
  manualPassword: boolean;
  protocol: SipProtocol;
  pushProxy: boolean;
  authUsername: string;
  displayName: string;
  dialingRules: RuleValues[];
}

export function toValues(account?: SipAccount): SipAccountValues {
  return {
    friendlyName: account?.friendlyName ?? '',
    username: account?.username ?? '',
    password: '',
    manualPassword: account?.manualPassword ?? false,
    protocol: account?.protocol ?? 'udp',
    pushProxy: account?.pushProxy ?? true,
    authUsername: account?.authUsername ?? '',
    displayName: account?.displayName ?? '',
    dialingRules: (account?.dialingRules ?? []).map((rule) => ({ ...rule, minLength: rule.minLength || '' })),
  };
}

export const toRules = (rules: RuleValues[]): DialingRule[] =>
  rules.map((rule) => ({
    startWith: rule.startWith.trim(),
    replaceWith: rule.replaceWith.trim(),
    minLength: rule.minLength === '' ? 0 : Number(rule.minLength),
  }));

type Settings = Omit<SipAccountInput, 'providerId' | 'password'>;

function toSettings(values: SipAccountValues): Settings {
  return {
    friendlyName: values.friendlyName.trim(),
    username: values.username.trim(),
    manualPassword: values.manualPassword,
    protocol: values.protocol,
    pushProxy: values.pushProxy,
    authUsername: orNull(values.authUsername),
    displayName: orNull(values.displayName),
    dialingRules: toRules(values.dialingRules),
  };
}

/** The password goes out only when typed and not entered on the device. */
const password = (values: SipAccountValues) => (!values.manualPassword && values.password ? { password: values.password } : {});

export const toCreateInput = (providerId: number, values: SipAccountValues): SipAccountInput => ({
  providerId,
  ...toSettings(values),
  ...password(values),
});

export const toChanges = (account: SipAccount, values: SipAccountValues): Partial<SipAccountInput> => ({
  ...changedFields(toSettings(toValues(account)), toSettings(values)),
  ...password(values),
});

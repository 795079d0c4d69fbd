import { Modal } from '@mantine/core';
import type { Provider } from '../../api/providers';
import type { SipAccount } from '../../api/sipAccounts';
import { SipAccountForm } from './SipAccountForm';

interface SipAccountModalProps {
  provider: Provider;
  /** null adds a new account. */
  account: SipAccount | null;
  opened: boolean;
  onClose: () => void;
}

export function SipAccountModal({ provider, account, opened, onClose }: SipAccountModalProps) {
  const title = account ? `Edit SIP account ${account.friendlyName || account.username}` : `Add SIP account to ${provider.name}`;
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="xl">
      {opened && <SipAccountForm key={account?.id ?? 'new'} provider={provider} account={account ?? undefined} onDone={onClose} />}
    </Modal>
  );
}

import { Modal } from '@mantine/core';
import type { Provider } from '../../api/providers';
import { ProviderForm } from './ProviderForm';

/** The add/edit provider dialog: `provider` null adds one. */
export function ProviderModal({ opened, provider, onClose }: { opened: boolean; provider: Provider | null; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={provider ? `Edit ${provider.name}` : 'Add service provider'} size="lg">
      {opened && <ProviderForm key={provider?.id ?? 'new'} provider={provider ?? undefined} onDone={onClose} />}
    </Modal>
  );
}

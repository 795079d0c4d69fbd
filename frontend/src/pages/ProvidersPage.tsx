import { Button, Stack } from '@mantine/core';
import { IconPlus, IconServer2 } from '@tabler/icons-react';
import { useState } from 'react';
import { type Provider, providersApi, useProviders } from '../api/providers';
import { queryKeys } from '../api/queryKeys';
import { type SipAccount, sipAccountsApi, useSipAccounts } from '../api/sipAccounts';
import { DeleteModal } from '../components/common/DeleteModal';
import { EmptyBlock } from '../components/common/EmptyBlock';
import { QueryState } from '../components/common/QueryState';
import { Page } from '../components/Page';
import { ProviderCard } from '../components/providers/ProviderCard';
import { ProviderModal } from '../components/providers/ProviderModal';
import { SipAccountModal } from '../components/providers/SipAccountModal';
import { sipAccountName } from '../components/providers/SipAccountTable';

type Dialog =
  | { kind: 'provider'; provider: Provider | null }
  | { kind: 'delete-provider'; provider: Provider }
  | { kind: 'account'; provider: Provider; account: SipAccount | null }
  | { kind: 'delete-account'; account: SipAccount };

const REFETCH = [queryKeys.providers, queryKeys.sipAccounts];

export default function ProvidersPage() {
  const providers = useProviders();
  const accounts = useSipAccounts();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  const addProvider = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'provider', provider: null })}>
      Add provider
    </Button>
  );

  return (
    <Page
      title="Service Providers"
      description="The SIP providers your devices call through, and the SIP accounts you have at each."
      actions={addProvider}
    >
      <QueryState query={providers} what="the service providers">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyBlock
              icon={IconServer2}
              title="No service providers yet"
              description="Add the SIP provider you have an account with, then add your SIP accounts to it."
              action={addProvider}
            />
          ) : (
            <Stack gap="lg">
              {items.map((provider) => (
                <ProviderCard
                  key={provider.id}
                  provider={provider}
                  accounts={(accounts.data?.items ?? []).filter((account) => account.providerId === provider.id)}
                  onEdit={() => setDialog({ kind: 'provider', provider })}
                  onDelete={() => setDialog({ kind: 'delete-provider', provider })}
                  onAddAccount={() => setDialog({ kind: 'account', provider, account: null })}
                  onEditAccount={(account) => setDialog({ kind: 'account', provider, account })}
                  onDeleteAccount={(account) => setDialog({ kind: 'delete-account', account })}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>

      <ProviderModal opened={dialog?.kind === 'provider'} provider={dialog?.kind === 'provider' ? dialog.provider : null} onClose={close} />
      {dialog?.kind === 'account' && <SipAccountModal opened provider={dialog.provider} account={dialog.account} onClose={close} />}
      {dialog?.kind === 'delete-provider' && (
        <DeleteModal
          opened
          onClose={close}
          title="Delete service provider"
          confirmLabel="Delete service provider"
          onConfirm={() => providersApi.remove(dialog.provider)}
          refetch={REFETCH}
          doneMessage={`“${dialog.provider.name}” deleted`}
        >
          Delete “{dialog.provider.name}”? A provider can be deleted once it has no SIP accounts.
        </DeleteModal>
      )}
      {dialog?.kind === 'delete-account' && (
        <DeleteModal
          opened
          onClose={close}
          title="Delete SIP account"
          confirmLabel="Delete SIP account"
          onConfirm={() => sipAccountsApi.remove(dialog.account)}
          refetch={REFETCH}
          doneMessage={`SIP account “${sipAccountName(dialog.account)}” deleted`}
        >
          Delete the SIP account “{sipAccountName(dialog.account)}” ({dialog.account.username})? Devices can no longer use it.
        </DeleteModal>
      )}
    </Page>
  );
}

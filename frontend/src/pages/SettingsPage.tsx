import { Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { Page } from '../components/Page';
import { AccountSettingsForm } from '../components/settings/AccountSettingsForm';
import { ApiTokenTable } from '../components/settings/ApiTokenTable';
import { ChangePasswordForm } from '../components/settings/ChangePasswordForm';
import { AudioFilesSection } from '../components/settings/AudioFilesSection';
import { CreateTokenForm } from '../components/settings/CreateTokenForm';
import { DeliveryMethodsSection } from '../components/settings/DeliveryMethodsSection';
import { FeatureCodesSection } from '../components/settings/FeatureCodesSection';
import { SettingsSection } from '../components/settings/SettingsSection';

export default function SettingsPage() {
  const { hash } = useLocation();

  // The account menu links to /settings#api-tokens and #change-password.
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [hash]);

  return (
    <Page title="Settings" description="The account-wide settings of your call flows, your API tokens and your password.">
      <SettingsSection id="account" title="Account" description="The account's name, its time zone and the features it offers its admins.">
        <AccountSettingsForm />
      </SettingsSection>
      <FeatureCodesSection />
      <AudioFilesSection />
      <DeliveryMethodsSection />
      <SettingsSection
        id="api-tokens"
        title="API tokens"
        description="Tokens let scripts and integrations call the API as you. Send one as a Bearer token."
      >
        <Stack gap="lg">
          <CreateTokenForm />
          <ApiTokenTable />
        </Stack>
      </SettingsSection>
      <SettingsSection id="change-password" title="Change password" description="Choose the password you log in with.">
        <ChangePasswordForm />
      </SettingsSection>
    </Page>
  );
}

/**
 * The contact Setup Wizard (guide: "Setting Up a Contact Using a Wizard"): contact details,
 * internal number, phone number, workspace tab and device, then one request that creates it
 * all, places the Simple Call Flow on the tab and publishes. A refusal puts each message on
 * its field and jumps to the first step that has one; success opens the device's activation.
 */
import { Alert, Anchor, Button, Divider, Group, Paper, Stack, Stepper } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowLeft, IconArrowRight, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAccountSettings } from '../api/account';
import { isApiError } from '../api/client';
import { contactName } from '../api/contacts';
import { useApiMutation } from '../api/hooks';
import { type WizardOptions, useWizardOptions, wizardApi } from '../api/wizard';
import { notifyNeedsPublish } from '../components/common/publishToast';
import { useConfirmLeave } from '../components/common/useConfirmLeave';
import { notifySaved } from '../components/common/feedback';
import { QueryState } from '../components/common/QueryState';
import { type ContactValues, toValues as toContactValues, validate as contactRules } from '../components/contacts/contactForm';
import { Page } from '../components/Page';
import { ContactStep } from '../components/wizard/ContactStep';
import { InternalStep } from '../components/wizard/InternalStep';
import { PhoneStep } from '../components/wizard/PhoneStep';
import { ReviewStep } from '../components/wizard/ReviewStep';
import { TabDeviceStep } from '../components/wizard/TabDeviceStep';
import { FIELDS, REFETCH, REVIEW, STEPS, STEP_OF, type WizardValues, initialValues, stepErrors, stepSummary, toInput } from '../components/wizard/values';

export default function ContactWizardPage() {
  const options = useWizardOptions();
  const account = useAccountSettings();
  const wizardOff = account.data !== undefined && !account.data.setupWizard;
  return (
    <Page
      title="Set up a contact"
      description="The Setup Wizard creates the contact, gives it numbers and a call.center device, and places its call flow on the workspace."
      actions={
        <Button component={Link} to="/contacts" variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />}>
          Back to contacts
        </Button>
      }
    >
      {wizardOff ? (
        <Alert color="yellow" variant="light" icon={<IconAlertCircle aria-hidden />} title="Setup using Wizard is turned off" maw={720}>
          The wizard is off for this account, as it is for every new account.{' '}
          <Anchor component={Link} to="/settings#account">
            Turn it on under Settings → Account
          </Anchor>
          , then come back.
        </Alert>
      ) : (
        <QueryState query={options} what="the wizard's choices" rows={6}>
          {(data) => <Wizard options={data} />}
        </QueryState>
      )}
    </Page>
  );
}

function Wizard({ options }: { options: WizardOptions }) {
  const navigate = useNavigate();
  const [active, setActive] = useState(0);
  const [failed, setFailed] = useState<Set<number>>(new Set());
  const contactForm = useForm<ContactValues>({ initialValues: toContactValues(), validate: contactRules });
  const form = useForm<WizardValues>({ initialValues: initialValues(options) });
  const create = useApiMutation(wizardApi.create, REFETCH);
  const values = form.getValues();

  const checkStep = (step: number): boolean => {
    if (step === 0) return !contactForm.validate().hasErrors;
    const errors = stepErrors(step, form.getValues());
    form.setErrors({ ...form.errors, ...errors });
    return Object.keys(errors).length === 0;
  };
  const next = () => {
    if (!checkStep(active)) return;
    setFailed((old) => new Set([...old].filter((step) => step !== active)));
    setActive((step) => Math.min(step + 1, REVIEW));
  };
  const goTo = (step: number) => {
    // Forward only through valid steps; back always.
    for (let index = active; index < step; index += 1) {
      if (!checkStep(index)) {
        setActive(index);
        return;
      }
    }
    setFailed((old) => new Set([...old].filter((index) => index < active || index >= step)));
    setActive(step);
  };

  const showServerErrors = (fieldErrors: Record<string, string>, message: string) => {
    const contactErrors: Record<string, string> = {};
    const wizardErrors: Record<string, string> = {};
    const steps = new Set<number>();
    const unplaced: string[] = [];
    for (const [path, text] of Object.entries(fieldErrors)) {
      const [head, ...rest] = path.split('.');
      const field = rest[0];
      if (head === 'contact' && rest.length) contactErrors[rest.join('.')] = text;
      else if (FIELDS[head]?.[field]) wizardErrors[FIELDS[head][field]] = text;
      else if (head === 'publishMessage' || head === 'publish') wizardErrors[head] = text;
      else unplaced.push(text);
      if (STEP_OF[head] !== undefined) steps.add(STEP_OF[head]);
    }
    contactForm.setErrors(contactErrors);
    form.setErrors(wizardErrors);
    if (steps.size) {
      setFailed(steps);
      setActive(Math.min(...steps));
    }
    if (unplaced.length || !steps.size) {
      notifications.show({ color: 'red', title: 'Contact not set up', message: unplaced.join(' ') || message });
    }
  };

  const leave = useConfirmLeave(contactForm.isDirty() || form.isDirty());
  const submit = () => {
    if (!checkStep(0)) return setActive(0);
    for (const step of [1, 2, 3]) if (!checkStep(step)) return setActive(step);
    create.mutate(toInput(contactForm.getValues(), form.getValues()), {
      onSuccess: (result) => {
        const name = contactName(result.contact);
        if (result.published !== null) notifySaved(`${name} is set up`, `Published as revision ${result.published}. Activate the device to start taking calls.`);
        else notifyNeedsPublish(`${name} is set up`, 'Saved on the workspace, not published: the workspace has problems to fix first.');
        leave.allow(); // created: nothing left to lose
        navigate(result.activation.page);
      },
      onError: (error) => {
        if (isApiError(error) && Object.keys(error.fieldErrors).length) showServerErrors(error.fieldErrors, error.message);
        else notifications.show({ color: 'red', title: 'Contact not set up', message: error.message });
      },
    });
  };

  return (
    <Paper withBorder radius="lg" p="xl">
      {leave.dialog}
      {failed.size > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title="Nothing was created" mb="lg">
          Fix the fields marked in red (steps in red have some), then create again.
        </Alert>
      )}
      <Stepper active={active} onStepClick={goTo} size="sm" aria-label="Setup steps">
        {STEPS.map((label, index) => (
          <Stepper.Step key={label} label={label} color={failed.has(index) ? 'red' : undefined} description={stepSummary(index, contactForm, form, options)}>
            <Stack gap="md" mt="lg" mih={320}>
              {index === 0 && <ContactStep form={contactForm} />}
              {index === 1 && <InternalStep form={form} options={options} />}
              {index === 2 && <PhoneStep form={form} options={options} />}
              {index === 3 && <TabDeviceStep form={form} options={options} />}
              {index === 4 && <ReviewStep contact={contactForm.getValues()} form={form} options={options} />}
            </Stack>
          </Stepper.Step>
        ))}
      </Stepper>
      <Divider my="lg" />
      <Group justify="space-between">
        <Button variant="default" onClick={() => setActive((step) => step - 1)} disabled={active === 0} leftSection={<IconArrowLeft size={16} aria-hidden />}>
          Back
        </Button>
        {active < REVIEW ? (
          <Button onClick={next} rightSection={<IconArrowRight size={16} aria-hidden />}>
            Next
          </Button>
        ) : (
          <Button onClick={submit} loading={create.isPending} leftSection={<IconCheck size={16} aria-hidden />}>
            {values.publish ? 'Create and publish' : 'Create'}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

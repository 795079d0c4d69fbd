/**
 * The contact Setup Wizard (guide: "Setting Up a Contact Using a Wizard"): contact details,
 * internal number, phone number, workspace tab and device, then one request that creates it
 * all, places the Simple Call Flow on the tab and publishes. A refusal puts each message on
 * its field and jumps to the first step that has one; success opens the device's activation.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Divider,
  Group,
  List,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowLeft, IconArrowRight, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAccountSettings } from '../api/account';
import { isApiError } from '../api/client';
import { contactName } from '../api/contacts';
import { MAX_SIP_ACCOUNTS } from '../api/devices';
import { useApiMutation } from '../api/hooks';
import { queryKeys } from '../api/queryKeys';
import { type NumberOption, type WizardInput, type WizardOptions, useWizardOptions, wizardApi, wizardOptionsKey } from '../api/wizard';
import { notifyNeedsPublish } from '../components/common/publishToast';
import { useConfirmLeave } from '../components/common/useConfirmLeave';
import { notifySaved } from '../components/common/feedback';
import { QueryState } from '../components/common/QueryState';
import { ContactEmailsField } from '../components/contacts/ContactEmailsField';
import { ContactNumbersField } from '../components/contacts/ContactNumbersField';
import { type ContactValues, toInput as toContactInput, toValues as toContactValues, validate as contactRules } from '../components/contacts/contactForm';
import { Page } from '../components/Page';

type Mode = 'pick' | 'add';

interface WizardValues {
  internalMode: Mode | 'none';
  internalId: string | null;
  internalNumber: string;
  internalLabel: string;
  phoneMode: Mode;
  phoneId: string | null;
  phoneNumber: string;
  phoneLabel: string;
  outboundCalling: boolean;
  tabMode: Mode;
  tabId: string | null;
  tabName: string;
  deviceName: string;
  sipAccountIds: string[];
  publish: boolean;
  publishMessage: string;
}

const STEPS = ['Contact', 'Internal number', 'Phone number', 'Tab & device', 'Review'] as const;
const REVIEW = STEPS.length - 1;
const REFETCH = [
  queryKeys.contacts,
  queryKeys.devices,
  queryKeys.internalNumbers,
  queryKeys.phoneNumbers,
  queryKeys.tabs,
  queryKeys.workspaceState,
  queryKeys.revisions,
  queryKeys.objectIndex,
  wizardOptionsKey,
];

/** Server error path (camelCased, without the step) -> the wizard form's field. */
const FIELDS: Record<string, Record<string, keyof WizardValues>> = {
  internalNumber: { id: 'internalId', number: 'internalNumber', label: 'internalLabel' },
  phoneNumber: { id: 'phoneId', number: 'phoneNumber', label: 'phoneLabel', outboundCalling: 'outboundCalling' },
  tab: { id: 'tabId', name: 'tabName' },
  device: { name: 'deviceName', sipAccountIds: 'sipAccountIds' },
};
const STEP_OF: Record<string, number> = { contact: 0, internalNumber: 1, phoneNumber: 2, tab: 3, device: 3, publish: 4, publishMessage: 4 };

const available = (options: NumberOption[]) => options.filter((option) => option.available);

function initialValues(options: WizardOptions): WizardValues {
  return {
    internalMode: available(options.internalNumbers).length ? 'pick' : 'add',
    internalId: null,
    internalNumber: '',
    internalLabel: '',
    phoneMode: available(options.phoneNumbers).length ? 'pick' : 'add',
    phoneId: null,
    phoneNumber: '',
    phoneLabel: '',
    outboundCalling: true,
    tabMode: options.tabs.length ? 'pick' : 'add',
    tabId: options.tabs.length === 1 ? String(options.tabs[0].id) : null,
    tabName: '',
    deviceName: '',
    sipAccountIds: options.sipAccounts.length === 1 ? [String(options.sipAccounts[0].id)] : [],
    publish: true,
    publishMessage: '',
  };
}

/** The checks of one step, before Next: the server checks everything again. */
function stepErrors(step: number, v: WizardValues): Partial<Record<keyof WizardValues, string>> {
  const errors: Partial<Record<keyof WizardValues, string>> = {};
  if (step === 1 && v.internalMode === 'pick' && !v.internalId) errors.internalId = 'Choose an internal number, or add a new one';
  if (step === 1 && v.internalMode === 'add' && !/^[0-9]{1,6}$/.test(v.internalNumber.trim())) errors.internalNumber = 'Use 1 to 6 digits, e.g. 101';
  if (step === 2 && v.phoneMode === 'pick' && !v.phoneId) errors.phoneId = 'Choose a phone number, or add a new one';
  if (step === 2 && v.phoneMode === 'add' && !/^\+[0-9 ()-]{6,}$/.test(v.phoneNumber.trim()))
    errors.phoneNumber = 'Enter the number in international format, e.g. +1 415 555 0100';
  if (step === 3) {
    if (v.tabMode === 'pick' && !v.tabId) errors.tabId = 'Choose a tab, or add a new one';
    if (v.tabMode === 'add' && !v.tabName.trim()) errors.tabName = 'Name the new tab';
    if (!v.deviceName.trim()) errors.deviceName = 'Give the device a name, e.g. Android Phone';
    if (v.sipAccountIds.length === 0) errors.sipAccountIds = 'Choose at least one SIP account';
  }
  return errors;
}

function toInput(contact: ContactValues, v: WizardValues): WizardInput {
  return {
    contact: toContactInput(contact),
    internalNumber:
      v.internalMode === 'none' ? null : v.internalMode === 'pick' ? { id: Number(v.internalId) } : { number: v.internalNumber.trim(), label: v.internalLabel.trim() },
    phoneNumber: {
      ...(v.phoneMode === 'pick' ? { id: Number(v.phoneId) } : { number: v.phoneNumber.trim(), label: v.phoneLabel.trim() }),
      outboundCalling: v.outboundCalling,
    },
    tab: v.tabMode === 'pick' ? { id: Number(v.tabId) } : { name: v.tabName.trim() },
    device: { name: v.deviceName.trim(), sipAccountIds: v.sipAccountIds.map(Number) },
    publish: v.publish,
    publishMessage: v.publishMessage.trim() || null,
  };
}

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

function findNumber(list: NumberOption[], id: string | null): NumberOption | undefined {
  return list.find((option) => String(option.id) === id);
}

/** The step's choice under its label, once made. */
function stepSummary(step: number, contactForm: UseFormReturnType<ContactValues>, form: UseFormReturnType<WizardValues>, options: WizardOptions): string | undefined {
  const v = form.getValues();
  if (step === 0) return contactName(contactForm.getValues()) || undefined;
  if (step === 1) {
    if (v.internalMode === 'none') return 'None';
    return v.internalMode === 'pick' ? findNumber(options.internalNumbers, v.internalId)?.number : v.internalNumber.trim() || undefined;
  }
  if (step === 2) return v.phoneMode === 'pick' ? findNumber(options.phoneNumbers, v.phoneId)?.number : v.phoneNumber.trim() || undefined;
  if (step === 3) return v.tabMode === 'pick' ? options.tabs.find((tab) => String(tab.id) === v.tabId)?.name : v.tabName.trim() || undefined;
  return undefined;
}

function StepIntro({ children }: { children: string }) {
  return (
    <Text c="dimmed" size="sm" maw={720}>
      {children}
    </Text>
  );
}

function ContactStep({ form }: { form: UseFormReturnType<ContactValues> }) {
  return (
    <>
      <StepIntro>Who answers the calls. First and last name and one email address are required; the email is where activation instructions go.</StepIntro>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="First name" required data-autofocus {...form.getInputProps('firstName')} />
        <TextInput label="Last name" required {...form.getInputProps('lastName')} />
        <TextInput label="Company" {...form.getInputProps('company')} />
        <TextInput label="Job title" {...form.getInputProps('jobTitle')} />
      </SimpleGrid>
      <Switch
        label="Show in company directory"
        description="Listed in the company directory of every call.center app, kept in sync."
        {...form.getInputProps('showInDirectory', { type: 'checkbox' })}
      />
      <Divider />
      <ContactEmailsField form={form} />
      <Divider />
      <ContactNumbersField form={form} />
    </>
  );
}

const numberData = (options: NumberOption[]) =>
  options.map((option) => ({
    value: String(option.id),
    label: `${option.number}${option.label ? ` · ${option.label}` : ''}${option.available ? '' : ` (${option.usedBy})`}`,
    disabled: !option.available,
  }));

interface StepProps {
  form: UseFormReturnType<WizardValues>;
  options: WizardOptions;
}

function ModeSwitch({ form, field, withNone, label }: { form: UseFormReturnType<WizardValues>; field: 'internalMode' | 'phoneMode' | 'tabMode'; withNone?: boolean; label: string }) {
  const data = [
    { value: 'pick', label: 'Pick existing' },
    { value: 'add', label: 'Add new' },
    ...(withNone ? [{ value: 'none', label: 'No internal number' }] : []),
  ];
  return (
    <SegmentedControl
      aria-label={label}
      data={data}
      value={form.getValues()[field]}
      onChange={(value) => form.setFieldValue(field, value as WizardValues[typeof field])}
      w="fit-content"
    />
  );
}

function InternalStep({ form, options }: StepProps) {
  const mode = form.getValues().internalMode;
  const free = available(options.internalNumbers).length;
  return (
    <>
      <StepIntro>
        The contact's extension: reachable internally, the main number in the company directory, and the caller ID on internal calls. Optional.
      </StepIntro>
      <ModeSwitch form={form} field="internalMode" withNone label="Internal number" />
      {mode === 'pick' && (
        <Select
          label="Internal number"
          placeholder={free ? 'Choose an internal number' : 'Every internal number is in use: add a new one'}
          data={numberData(options.internalNumbers)}
          searchable
          nothingFoundMessage="No internal number matches"
          maw={480}
          {...form.getInputProps('internalId')}
        />
      )}
      {mode === 'add' && (
        <Group align="flex-start" gap="md">
          <TextInput label="New internal number" placeholder="e.g. 101" required w={200} {...form.getInputProps('internalNumber')} />
          <TextInput label="Label" placeholder="Defaults to the contact's name" w={280} {...form.getInputProps('internalLabel')} />
        </Group>
      )}
      {mode === 'none' && (
        <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />} maw={720}>
          The contact is reached on the phone number only and makes internal calls without an internal caller ID.
        </Alert>
      )}
    </>
  );
}

function PhoneStep({ form, options }: StepProps) {
  const mode = form.getValues().phoneMode;
  const free = available(options.phoneNumbers).length;
  return (
    <>
      <StepIntro>
        The DID for external inbound calls. It is shown in the company directory and can be the caller ID for outbound calls.
      </StepIntro>
      <ModeSwitch form={form} field="phoneMode" label="Phone number" />
      {mode === 'pick' ? (
        <Select
          label="Phone number"
          placeholder={free ? 'Choose a phone number' : 'Every phone number is on the workspace: add a new one'}
          data={numberData(options.phoneNumbers)}
          searchable
          nothingFoundMessage="No phone number matches"
          maw={480}
          {...form.getInputProps('phoneId')}
        />
      ) : (
        <Group align="flex-start" gap="md">
          <TextInput label="New phone number" placeholder="+1 415 555 0100" description="International format" required w={240} {...form.getInputProps('phoneNumber')} />
          <TextInput label="Label" placeholder="Defaults to the contact's name" description="Optional" w={280} {...form.getInputProps('phoneLabel')} />
        </Group>
      )}
      <Checkbox
        label="Allow outbound calls, showing this number as the caller ID"
        {...form.getInputProps('outboundCalling', { type: 'checkbox' })}
      />
    </>
  );
}

function TabDeviceStep({ form, options }: StepProps) {
  const tabMode = form.getValues().tabMode;
  const sipData = options.sipAccounts.map((sip) => ({
    value: String(sip.id),
    label: `${sip.friendlyName || sip.username} · ${sip.username} @ ${sip.providerName}`,
  }));
  return (
    <>
      <StepIntro>
        The workspace tab gets a Phone Number and an Internal Number object cabled to a Ring Group that rings the contact's call.center devices.
      </StepIntro>
      <ModeSwitch form={form} field="tabMode" label="Workspace tab" />
      {tabMode === 'pick' ? (
        <Select
          label="Workspace tab"
          placeholder={options.tabs.length ? 'Choose a tab' : 'No tabs yet: add one'}
          data={options.tabs.map((tab) => ({ value: String(tab.id), label: tab.name }))}
          maw={480}
          {...form.getInputProps('tabId')}
        />
      ) : (
        <TextInput label="New tab name" placeholder="e.g. Sales" required maw={480} {...form.getInputProps('tabName')} />
      )}
      <Divider label="call.center device" labelPosition="left" />
      <TextInput label="Device name" placeholder="e.g. Android Phone" required maw={480} {...form.getInputProps('deviceName')} />
      {options.sipAccounts.length === 0 ? (
        <Alert color="yellow" variant="light" icon={<IconAlertCircle aria-hidden />} title="No SIP accounts yet" maw={720}>
          A device needs at least one SIP account.{' '}
          <Anchor component={Link} to="/providers">
            Add one under Service Providers
          </Anchor>
          , then come back.
          {form.errors.sipAccountIds && (
            <Text c="red" size="sm" mt={4}>
              {form.errors.sipAccountIds}
            </Text>
          )}
        </Alert>
      ) : (
        <MultiSelect
          label="SIP accounts"
          description={`1 to ${MAX_SIP_ACCOUNTS}, in the order the app shows its lines`}
          placeholder="Choose SIP accounts"
          data={sipData}
          maxValues={MAX_SIP_ACCOUNTS}
          searchable
          required
          maw={560}
          {...form.getInputProps('sipAccountIds')}
        />
      )}
    </>
  );
}

function ReviewStep({ contact, form, options }: StepProps & { contact: ContactValues }) {
  const v = form.getValues();
  const internal = v.internalMode === 'none' ? null : v.internalMode === 'pick' ? findNumber(options.internalNumbers, v.internalId)?.number : v.internalNumber.trim();
  const phone = v.phoneMode === 'pick' ? findNumber(options.phoneNumbers, v.phoneId)?.number : v.phoneNumber.trim();
  const tab = v.tabMode === 'pick' ? options.tabs.find((item) => String(item.id) === v.tabId)?.name : v.tabName.trim();
  const sips = v.sipAccountIds.map((id) => options.sipAccounts.find((sip) => String(sip.id) === id)).filter((sip) => sip !== undefined);
  const name = contactName(contact);
  const isNew = (mode: string) => (mode === 'add' ? <Badge size="xs" variant="light" ml={6}>new</Badge> : null);

  const rows: [string, ReactNode][] = [
    ['Contact', `${name} · ${contact.emails.map((email) => email.address.trim()).filter(Boolean).join(', ')}`],
    ['Internal number', internal ? <>{internal}{isNew(v.internalMode)} <Text span c="dimmed" size="sm">internal caller ID</Text></> : <Text span c="dimmed">None</Text>],
    ['Phone number', <>{phone}{isNew(v.phoneMode)} <Text span c="dimmed" size="sm">{v.outboundCalling ? 'external caller ID, outbound calls allowed' : 'inbound only'}</Text></>],
    ['Workspace tab', <>{tab}{isNew(v.tabMode)}</>],
    ['Device', `${v.deviceName.trim()} on ${sips.map((sip) => sip.friendlyName || sip.username).join(', ')}`],
  ];
  return (
    <>
      <StepIntro>Check the choices. Everything is created in one go; if anything is refused, nothing is created.</StepIntro>
      <Table variant="vertical" withTableBorder maw={760} layout="fixed">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={180}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <div>
        <Text fw={500} size="sm" mb={4}>
          On the workspace
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>
            {internal ? 'Phone Number and Internal Number objects' : 'A Phone Number object'} cabled to a Ring Group (ring all, 30 s)
          </List.Item>
          <List.Item>The Ring Group rings {name || 'the contact'}'s call.center contact method, so every device of the contact</List.Item>
        </List>
      </div>
      <Switch label="Publish the workspace afterwards" description="Only if the whole workspace is free of errors; otherwise it stays a draft." {...form.getInputProps('publish', { type: 'checkbox' })} />
      {v.publish && (
        <TextInput label="Publish message" placeholder={`Set up ${name || 'the contact'} with the contact wizard`} maw={560} {...form.getInputProps('publishMessage')} />
      )}
    </>
  );
}

import { Alert, Autocomplete, Button, Group, ScrollArea, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { IconCalendarWeek, IconPhoneCall, IconX } from '@tabler/icons-react';
import { type FormEvent, useMemo, useState } from 'react';
import { useNumbers } from '../../api/numbers';
import { publishingApi, type Simulation, type SimulateInput, type WeekView } from '../../api/publishing';
import { useAccountSettings } from '../../api/account';
import { timeZones } from '../../api/schedules';
import { lightPaths } from '../../canvas/litPath';
import { useCanvasStore } from '../../store/canvas';
import { ContactMethodPicker } from './ContactMethodPicker';
import { ContactMethodsPicker } from './ContactMethodsPicker';
import { SimulationTimeline } from './SimulationTimeline';
import { WeekViewGrid } from './WeekViewGrid';

/** Call a number (as a caller, at a time) and see who rings when; the path lights up. */
export function SimulatorPanel() {
  const phone = useNumbers('phone');
  const internal = useNumbers('internal');
  // No zone until the admin picks one: until then the account's (Settings -> Account) applies.
  const [input, setInput] = useState<SimulateInput>({ number: '', caller: '', at: '', timeZone: undefined, source: 'draft', answer: null });
  const accountZone = useAccountSettings().data?.timeZone ?? 'UTC';
  const zone = input.timeZone ?? accountZone;
  const zones = useMemo(timeZones, []);
  const [week, setWeek] = useState<WeekView | null>(null);
  const [digits, setDigits] = useState('');
  // Who declines, at once whenever they ring (the API also takes a delay per contact method).
  const [declining, setDeclining] = useState<number[]>([]);
  const [result, setResult] = useState<Simulation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const numbers = [...(phone.data?.items ?? []), ...(internal.data?.items ?? [])].map((n) => n.number);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    if (!input.number.trim()) return setError('Enter the number to call');
    setRunning(true);
    setError(null);
    try {
      // A local time in the chosen zone; the server applies the zone (DST included).
      const at = input.at || undefined;
      // Pressed digits: 0-9, * and # in order; anything else typed between them is ignored.
      const pressed = [...digits].filter((d) => /[0-9*#]/.test(d));
      const simulation = await publishingApi.simulate({
        number: input.number.trim(),
        caller: input.caller?.trim() || undefined,
        at,
        timeZone: at ? zone : undefined,
        digits: pressed,
        answer: input.answer ?? null,
        declines: declining.map((contactMethod) => ({ contactMethod })),
        source: input.source,
      });
      setResult(simulation);
      setWeek(null);
      lightPaths([simulation.path, ...simulation.rings.map((r) => r.objectPath)]);
    } catch (failure) {
      setResult(null);
      useCanvasStore.getState().setLit(null);
      setError(failure instanceof Error ? failure.message : 'The simulation failed.');
    } finally {
      setRunning(false);
    }
  };
  /** Every hour of the week of the chosen date (today by default), as a grid. */
  const runWeek = async () => {
    if (!input.number.trim()) return setError('Enter the number to call');
    setRunning(true);
    setError(null);
    try {
      const day = input.at ? input.at.slice(0, 10) : new Date().toLocaleDateString('sv-SE');
      const view = await publishingApi.week({
        number: input.number.trim(),
        caller: input.caller?.trim() || undefined,
        week: day,
        timeZone: zone,
        source: input.source,
      });
      setWeek(view);
      setResult(null);
      useCanvasStore.getState().setLit(null);
    } catch (failure) {
      setWeek(null);
      setError(failure instanceof Error ? failure.message : 'The week view failed.');
    } finally {
      setRunning(false);
    }
  };
  const clear = () => {
    setWeek(null);
    setResult(null);
    setError(null);
    useCanvasStore.getState().setLit(null);
  };

  return (
    <Group h="100%" align="stretch" gap={0} wrap="nowrap">
      <form onSubmit={run} noValidate aria-label="Call simulator" className="sim-form">
        <Stack gap={6} p="sm" w={440}>
          <Autocomplete label="Number to call" placeholder="+14155550100 or 101" data={[...new Set(numbers)]} value={input.number} onChange={(number) => setInput((v) => ({ ...v, number }))} size="xs" required />
          <Group gap={6} grow wrap="nowrap">
            <TextInput label="Caller" placeholder="Optional" value={input.caller} onChange={(e) => {
                const caller = e.currentTarget.value; // read now: the event is gone when the updater runs
                setInput((v) => ({ ...v, caller }));
              }} size="xs" />
            <TextInput label="Time" type="datetime-local" title="Empty: now" value={input.at} onChange={(e) => {
                const at = e.currentTarget.value;
                setInput((v) => ({ ...v, at }));
              }} size="xs" />
          </Group>
          <Group gap={6} grow wrap="nowrap">
            <Select label="Time zone" data={zones} searchable allowDeselect={false} value={zone} onChange={(timeZone) => setInput((v) => ({ ...v, timeZone: timeZone ?? accountZone }))} size="xs" />
            <TextInput label="Digits pressed" placeholder="Optional" value={digits} onChange={(e) => setDigits(e.currentTarget.value)} size="xs" />
          </Group>
          <Group gap={6} grow wrap="nowrap" align="flex-start">
            <ContactMethodPicker
              label="Who answers"
              value={input.answer ?? null}
              onChange={(answer) => {
                setInput((v) => ({ ...v, answer }));
                setDeclining((d) => d.filter((m) => m !== answer)); // who answers does not decline
              }}
              size="xs"
              placeholder="Nobody"
            />
            <ContactMethodsPicker label="Who declines" value={declining} onChange={setDeclining} exclude={input.answer} size="xs" placeholder="Nobody" />
          </Group>
          <Group gap={6} wrap="nowrap">
            <SegmentedControl
              size="xs"
              aria-label="Plan to simulate"
              value={input.source}
              onChange={(source) => setInput((v) => ({ ...v, source: source as SimulateInput['source'] }))}
              data={[
                { value: 'draft', label: 'Draft' },
                { value: 'published', label: 'Published' },
              ]}
            />
            <Button type="submit" size="xs" leftSection={<IconPhoneCall size={14} aria-hidden />} loading={running}>
              Start call
            </Button>
            <Button size="xs" variant="light" leftSection={<IconCalendarWeek size={14} aria-hidden />} onClick={() => void runWeek()} disabled={running}>
              Week view
            </Button>
            {(result || error || week) && (
              <Button size="xs" variant="subtle" color="gray" aria-label="Clear" onClick={clear} px={6}>
                <IconX size={14} aria-hidden />
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      <ScrollArea style={{ flex: 1, borderLeft: '1px solid var(--mantine-color-gray-2)' }} p="sm" type="auto">
        {error && (
          <Alert color="red" variant="light" role="alert" title="Not simulated">
            {error}
          </Alert>
        )}
        {result && <SimulationTimeline result={result} />}
        {week && <WeekViewGrid week={week} />}
      </ScrollArea>
    </Group>
  );
}

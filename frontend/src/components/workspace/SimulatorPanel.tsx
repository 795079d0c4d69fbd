import { Alert, Autocomplete, Button, Group, ScrollArea, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { IconPhoneCall, IconX } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useNumbers } from '../../api/numbers';
import { publishingApi, type Simulation, type SimulateInput } from '../../api/publishing';
import { lightPaths } from '../../canvas/litPath';
import { useCanvasStore } from '../../store/canvas';
import { ContactMethodPicker } from './ContactMethodPicker';
import { SimulationTimeline } from './SimulationTimeline';

/** Call a number (as a caller, at a time) and see who rings when; the path lights up. */
export function SimulatorPanel() {
  const phone = useNumbers('phone');
  const internal = useNumbers('internal');
  const [input, setInput] = useState<SimulateInput>({ number: '', caller: '', at: '', source: 'draft', answer: null });
  const [digits, setDigits] = useState('');
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
      const at = input.at ? new Date(input.at).toISOString() : undefined;
      // Pressed digits: 0-9, * and # in order; anything else typed between them is ignored.
      const pressed = [...digits].filter((d) => /[0-9*#]/.test(d));
      const simulation = await publishingApi.simulate({
        number: input.number.trim(),
        caller: input.caller?.trim() || undefined,
        at,
        digits: pressed,
        answer: input.answer ?? null,
        source: input.source,
      });
      setResult(simulation);
      lightPaths([simulation.path, ...simulation.rings.map((r) => r.objectPath)]);
    } catch (failure) {
      setResult(null);
      useCanvasStore.getState().setLit(null);
      setError(failure instanceof Error ? failure.message : 'The simulation failed.');
    } finally {
      setRunning(false);
    }
  };
  const clear = () => {
    setResult(null);
    setError(null);
    useCanvasStore.getState().setLit(null);
  };

  return (
    <Group h="100%" align="stretch" gap={0} wrap="nowrap">
      <form onSubmit={run} noValidate aria-label="Call simulator" className="sim-form">
        <Stack gap={6} p="sm" w={300}>
          <Autocomplete label="Number to call" placeholder="+14155550100 or 101" data={[...new Set(numbers)]} value={input.number} onChange={(number) => setInput((v) => ({ ...v, number }))} size="xs" required />
          <Group gap={6} grow>
            <TextInput label="Caller" placeholder="Optional" value={input.caller} onChange={(e) => setInput((v) => ({ ...v, caller: e.currentTarget.value }))} size="xs" />
            <TextInput label="Time" type="datetime-local" value={input.at} onChange={(e) => setInput((v) => ({ ...v, at: e.currentTarget.value }))} size="xs" />
          </Group>
          <Group gap={6} grow>
            <TextInput label="Digits pressed" placeholder="Optional" value={digits} onChange={(e) => setDigits(e.currentTarget.value)} size="xs" />
            <ContactMethodPicker label="Who answers" value={input.answer ?? null} onChange={(answer) => setInput((v) => ({ ...v, answer }))} size="xs" placeholder="Nobody" />
          </Group>
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
          <Group gap={6}>
            <Button type="submit" size="xs" leftSection={<IconPhoneCall size={14} aria-hidden />} loading={running}>
              Start call
            </Button>
            {(result || error) && (
              <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} aria-hidden />} onClick={clear}>
                Clear
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
      </ScrollArea>
    </Group>
  );
}

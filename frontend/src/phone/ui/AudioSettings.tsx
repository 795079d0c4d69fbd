import { Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { type AudioDeviceLists, canChooseOutput, listAudioDevices } from '../audioDevices';
import { phone, usePhone } from '../phoneStore';

/** Microphone and speaker. Labels show once the browser has granted the microphone (a first call). */
export function AudioSettings() {
  const [lists, setLists] = useState<AudioDeviceLists>({ inputs: [], outputs: [] });
  const inputId = usePhone((s) => s.inputId);
  const outputId = usePhone((s) => s.outputId);
  useEffect(() => {
    const load = () => void listAudioDevices().then(setLists).catch(() => undefined);
    load();
    navigator.mediaDevices?.addEventListener?.('devicechange', load);
    return () => navigator.mediaDevices?.removeEventListener?.('devicechange', load);
  }, []);
  return (
    <Stack gap="sm">
      <Select
        label="Microphone"
        placeholder="System default"
        data={lists.inputs}
        value={inputId}
        onChange={phone.setInput}
        clearable
        comboboxProps={{ withinPortal: false }}
      />
      <Select
        label="Speaker"
        placeholder="System default"
        data={lists.outputs}
        value={outputId}
        onChange={phone.setOutput}
        clearable
        disabled={!canChooseOutput}
        description={canChooseOutput ? undefined : 'This browser plays calls on its default output.'}
        comboboxProps={{ withinPortal: false }}
      />
      <Text size="xs" c="dimmed">
        Names appear after the browser has allowed the microphone once.
      </Text>
    </Stack>
  );
}

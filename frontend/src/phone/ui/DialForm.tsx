import { ActionIcon, Button, Stack, TextInput } from '@mantine/core';
import { IconBackspace, IconPhoneOutgoing } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { normalizeDial } from '../dial';
import { phone, usePhone } from '../phoneStore';
import { Keypad } from './Keypad';

/** Dial an extension or a number: typed, or on the keypad. The server applies the dialing rules. */
export function DialForm() {
  const [value, setValue] = useState('');
  const ready = usePhone((s) => s.lines.some((l) => l.state === 'registered'));
  const dialable = normalizeDial(value) !== null;
  // The number stays until a call starts: a refused microphone (the phone says why) must not
  // make the user type it again.
  const inCall = usePhone((s) => s.call !== null);
  useEffect(() => {
    if (inCall) setValue('');
  }, [inCall]);
  const submit = () => {
    phone.dial(value);
  };
  return (
    <Stack gap="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <TextInput
          label="Number or extension"
          placeholder="102 or +1 415 555 0100"
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          size="md"
          ff="monospace"
          error={value && !dialable ? 'Digits, * and # only' : undefined}
          rightSection={
            value ? (
              <ActionIcon variant="subtle" color="gray" aria-label="Delete last digit" onClick={() => setValue(value.slice(0, -1))}>
                <IconBackspace size={18} aria-hidden />
              </ActionIcon>
            ) : null
          }
        />
      </form>
      <Keypad verb="Dial" onKey={(key) => setValue((v) => v + key)} />
      <Button
        color="teal"
        size="md"
        leftSection={<IconPhoneOutgoing size={18} aria-hidden />}
        disabled={!dialable || !ready}
        onClick={submit}
      >
        Call
      </Button>
    </Stack>
  );
}

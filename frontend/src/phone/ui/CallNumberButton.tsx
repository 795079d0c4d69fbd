import { ActionIcon, Tooltip } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import { normalizeDial } from '../dial';
import { phone, usePhone } from '../phoneStore';

/** Click-to-call beside a number, shown while this browser is a registered phone. */
export function CallNumberButton({ number, name }: { number: string | null | undefined; name?: string | null }) {
  const ready = usePhone((s) => s.status === 'ready' && s.lines.some((l) => l.state === 'registered'));
  if (!ready || !number || !normalizeDial(number)) return null;
  return (
    <Tooltip label={`Call ${number} from this browser`} withArrow>
      <ActionIcon size="sm" variant="subtle" color="teal" aria-label={`Call ${number}`} onClick={() => phone.dial(number, name ?? null)}>
        <IconPhoneCall size={14} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}

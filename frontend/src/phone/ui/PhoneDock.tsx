import { ActionIcon, Indicator, Tooltip } from '@mantine/core';
import { IconHeadset, IconPhoneRinging } from '@tabler/icons-react';
import { useEffect } from 'react';
import { bootPhone, phone, type PhoneState, usePhone } from '../phoneStore';
import { PhonePanel } from './PhonePanel';

function dot(state: PhoneState): [string, string] {
  if (state.status === 'not_activated') return ['red', 'Web phone: not activated'];
  if (state.status !== 'ready') return ['gray', 'Web phone'];
  if (state.call?.phase === 'ringing') return ['teal', 'Web phone: incoming call'];
  if (state.lines.some((l) => l.state === 'registered')) return ['teal', 'Web phone: registered'];
  return ['yellow', 'Web phone: connecting'];
}

/** A `tel:` link anywhere in the portal dials on the web phone when this browser is one. */
function useTelLinks(): void {
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href^="tel:"]');
      if (!link || usePhone.getState().status !== 'ready') return;
      if (phone.dial(link.getAttribute('href') ?? '')) event.preventDefault();
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);
}

/** The header button that opens the docked phone, and the panel itself (on every page). */
export function PhoneDock() {
  const state = usePhone();
  useEffect(() => void bootPhone(), []);
  useTelLinks();
  const [color, label] = dot(state);
  const ringing = state.call?.phase === 'ringing';
  return (
    <>
      <Tooltip label={label} withArrow>
        <Indicator color={color} size={9} offset={4} processing={ringing} withBorder disabled={state.status === 'none'}>
          <ActionIcon
            variant={state.open ? 'light' : 'subtle'}
            color={ringing ? 'teal' : 'gray'}
            size="lg"
            aria-label="Web phone"
            aria-expanded={state.open}
            onClick={() => phone.open(!state.open)}
          >
            {ringing ? <IconPhoneRinging size={20} aria-hidden /> : <IconHeadset size={20} aria-hidden />}
          </ActionIcon>
        </Indicator>
      </Tooltip>
      {state.open && <PhonePanel />}
    </>
  );
}

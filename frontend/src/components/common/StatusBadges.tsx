import { Badge } from '@mantine/core';
import type { DeviceStatus, DeviceSubStatus } from '../../api/devices';
import type { SipStatus } from '../../api/sipAccounts';

const SIP: Record<SipStatus, { label: string; color: string }> = {
  online: { label: 'Online', color: 'teal' },
  offline: { label: 'Offline', color: 'red' },
  not_in_use: { label: 'Not in use', color: 'gray' },
};

const DEVICE: Record<DeviceStatus, { label: string; color: string }> = {
  online: { label: 'Online', color: 'teal' },
  offline: { label: 'Offline', color: 'red' },
  not_activated: { label: 'Not activated', color: 'gray' },
};

const SUB: Record<DeviceSubStatus, { label: string; color: string }> = {
  instructions_sent: { label: 'Instructions sent', color: 'blue' },
  pending_update: { label: 'Pending update', color: 'orange' },
};

export function SipStatusBadge({ status }: { status: SipStatus }) {
  const { label, color } = SIP[status] ?? SIP.not_in_use;
  return (
    <Badge color={color} variant="light">
      {label}
    </Badge>
  );
}

export function DeviceStatusBadge({ status }: { status: DeviceStatus }) {
  const { label, color } = DEVICE[status] ?? DEVICE.not_activated;
  return (
    <Badge color={color} variant="light">
      {label}
    </Badge>
  );
}

export function SubStatusBadge({ subStatus }: { subStatus: DeviceSubStatus | null }) {
  if (!subStatus) return <span aria-label="No sub-status">—</span>;
  const { label, color } = SUB[subStatus] ?? { label: subStatus, color: 'gray' };
  return (
    <Badge color={color} variant="dot">
      {label}
    </Badge>
  );
}

/** The left navigation, in order. */
import {
  IconAddressBook,
  IconCalendarTime,
  IconDeviceMobile,
  IconHash,
  IconMicrophone,
  IconServer2,
  IconSettings,
  IconTopologyStar3,
  type Icon,
} from '@tabler/icons-react';

export interface NavItem {
  label: string;
  to: string;
  icon: Icon;
}

export const navItems: NavItem[] = [
  { label: 'Workspace', to: '/workspace', icon: IconTopologyStar3 },
  { label: 'Contacts', to: '/contacts', icon: IconAddressBook },
  { label: 'Devices', to: '/devices', icon: IconDeviceMobile },
  { label: 'Service Providers', to: '/providers', icon: IconServer2 },
  { label: 'Numbers', to: '/numbers', icon: IconHash },
  { label: 'Schedules', to: '/schedules', icon: IconCalendarTime },
  { label: 'Recordings', to: '/recordings', icon: IconMicrophone },
  { label: 'Settings', to: '/settings', icon: IconSettings },
];

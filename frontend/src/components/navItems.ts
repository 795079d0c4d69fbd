/** The left navigation, in order. */
import {
  IconActivity,
  IconAddressBook,
  IconBook2,
  IconCalendarTime,
  IconDeviceMobile,
  IconHash,
  IconMicrophone,
  IconPhoneCall,
  IconServer2,
  IconSettings,
  IconTopologyStar3,
  IconUsersGroup,
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
  { label: 'Directory', to: '/directory', icon: IconBook2 },
  { label: 'Devices', to: '/devices', icon: IconDeviceMobile },
  { label: 'Service Providers', to: '/providers', icon: IconServer2 },
  { label: 'Numbers', to: '/numbers', icon: IconHash },
  { label: 'Calls', to: '/calls', icon: IconPhoneCall },
  { label: 'Schedules', to: '/schedules', icon: IconCalendarTime },
  { label: 'Recordings', to: '/recordings', icon: IconMicrophone },
  { label: 'Team', to: '/team', icon: IconUsersGroup },
  { label: 'Activity', to: '/activity', icon: IconActivity },
  { label: 'Settings', to: '/settings', icon: IconSettings },
];

/**
 * The catalogue names an icon per type; this maps those names to drawn icons. It holds the
 * vocabulary of DESIGN.md section 4's types, later ones included, so a new type picks a name
 * here instead of editing this file.
 */
import {
  type Icon,
  IconArrowForwardUp,
  IconBan,
  IconBox,
  IconClock,
  IconDialpad,
  IconFilter,
  IconHash,
  IconListNumbers,
  IconMessage,
  IconMusic,
  IconPhone,
  IconPhoneOff,
  IconRoute,
  IconUser,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';

const ICONS: Record<string, Icon> = {
  phone: IconPhone,
  hash: IconHash,
  users: IconUsers,
  user: IconUser,
  forward: IconArrowForwardUp,
  clock: IconClock,
  filter: IconFilter,
  ban: IconBan,
  dialpad: IconDialpad,
  music: IconMusic,
  voicemail: IconMessage,
  queue: IconListNumbers,
  conference: IconUsersGroup,
  hangup: IconPhoneOff,
  route: IconRoute,
};

export const iconFor = (name: string | undefined): Icon => (name && ICONS[name]) || IconBox;

/** The catalogue names an icon per type; this maps those names to drawn icons. */
import { type Icon, IconBox, IconHash, IconPhone, IconUser, IconUsers } from '@tabler/icons-react';

const ICONS: Record<string, Icon> = {
  phone: IconPhone,
  hash: IconHash,
  users: IconUsers,
  user: IconUser,
};

export const iconFor = (name: string | undefined): Icon => (name && ICONS[name]) || IconBox;

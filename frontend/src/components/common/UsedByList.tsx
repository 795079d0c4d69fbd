import { Anchor, Button, List, Text } from '@mantine/core';
import { IconFocus2 } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useUiStore } from '../../store/ui';

/** One user of a row a 409 names (errors.used_by): a workspace object (with its tab) or a contact. */
export interface UsedBy {
  type: 'object' | 'contact' | string;
  id: number;
  name: string;
  tab?: number;
  tab_name?: string;
  as?: string;
}

export function usedByOf(details: Record<string, unknown>): UsedBy[] {
  return Array.isArray(details.used_by) ? (details.used_by as UsedBy[]) : [];
}

/**
 * Who still uses what the admin tried to delete or renumber: each canvas object with "Show on
 * canvas" (opens its tab, selects and centres it), each contact with a link to its page.
 */
export function UsedByList({ users, onLeave }: { users: UsedBy[]; onLeave: () => void }) {
  const navigate = useNavigate();
  const show = (user: UsedBy) => {
    onLeave();
    useUiStore.getState().focusObjects([user.id]);
    void navigate('/workspace');
  };
  return (
    <List size="sm" spacing={4} mt="xs" aria-label="Used by">
      {users.map((user) => (
        <List.Item key={`${user.type}-${user.id}`}>
          {user.type === 'object' ? (
            <Text size="sm" component="span">
              “{user.name}” on the tab “{user.tab_name}”{' '}
              <Button size="compact-xs" variant="light" leftSection={<IconFocus2 size={12} aria-hidden />} onClick={() => show(user)} aria-label={`Show ${user.name} on canvas`}>
                Show on canvas
              </Button>
            </Text>
          ) : user.type === 'contact' ? (
            <Text size="sm" component="span">
              <Anchor component={Link} to={`/contacts/${user.id}`} onClick={onLeave}>
                {user.name}
              </Anchor>
              {user.as ? ` (${user.as})` : ''}
            </Text>
          ) : (
            <Text size="sm" component="span">
              {user.name}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

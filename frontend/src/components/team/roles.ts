/** The three roles as the Team page names them (the API's policy is workspace/auth/roles.py). */
export const ROLE_OPTIONS = [
  { value: 'owner', label: 'Owner (team, account)' },
  { value: 'admin', label: 'Admin (everything else)' },
  { value: 'viewer', label: 'Viewer (read only)' },
];

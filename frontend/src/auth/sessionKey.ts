/** The react-query key of the current session (GET /auth/me). */
export const sessionQueryKey = ['session'] as const;

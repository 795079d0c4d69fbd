/** react-query keys of server collections, in one place so mutations invalidate the right ones. */
export const queryKeys = {
  apiTokens: ['auth', 'tokens'] as const,
};

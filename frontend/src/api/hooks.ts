/** react-query glue shared by the resource modules. */
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';

/** A mutation that, once it succeeds, refetches every collection it may have changed. */
export function useApiMutation<Variables, Result>(
  mutationFn: (variables: Variables) => Promise<Result>,
  invalidate: readonly QueryKey[],
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => Promise.all(invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

/** /feature-codes: dialable codes such as *1 (record on demand). */
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from './queryKeys';
import { listAll, resource, type Versioned } from './resource';

export const FEATURE_PURPOSES = { record_on_demand: 'Record on demand' } as const;
export type FeaturePurpose = keyof typeof FEATURE_PURPOSES;

export interface FeatureCode extends Versioned {
  code: string;
  purpose: FeaturePurpose;
  enabled: boolean;
}

export interface FeatureCodeInput {
  code: string;
  purpose: FeaturePurpose;
  enabled: boolean;
}

export const featureCodesApi = resource<FeatureCode, FeatureCodeInput>('/feature-codes');

export function useFeatureCodes() {
  return useQuery({ queryKey: queryKeys.featureCodes, queryFn: () => listAll(featureCodesApi.list) });
}

/** The five calls every versioned collection of /api/v1 answers, typed once. */
import { type Collection, type QueryParams, request, withQuery } from './client';

/** What every mutable item carries: PATCH and DELETE send its version as If-Match. */
export interface Versioned {
  id: number;
  version: number;
}

/** Lists the pickers and small tables ask for: the largest page the API allows. */
export const ALL = { perPage: 200 } as const;

export interface Resource<T extends Versioned, Input> {
  list: (params?: QueryParams) => Promise<Collection<T>>;
  get: (id: number) => Promise<T>;
  create: (input: Input) => Promise<T>;
  update: (item: Versioned, changes: Partial<Input>) => Promise<T>;
  remove: (item: Versioned) => Promise<void>;
}

export function resource<T extends Versioned, Input>(path: string): Resource<T, Input> {
  return {
    list: (params) => request<Collection<T>>('GET', withQuery(path, params)),
    get: (id) => request<T>('GET', `${path}/${id}`),
    create: (input) => request<T>('POST', path, input),
    update: (item, changes) => request<T>('PATCH', `${path}/${item.id}`, changes, { ifMatch: item.version }),
    remove: (item) => request<void>('DELETE', `${path}/${item.id}`, undefined, { ifMatch: item.version }),
  };
}

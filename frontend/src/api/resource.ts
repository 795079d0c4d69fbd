/** The five calls every versioned collection of /api/v1 answers, typed once. */
import { type Collection, type QueryParams, request, withQuery } from './client';

/** What every mutable item carries: PATCH and DELETE send its version as If-Match. */
export interface Versioned {
  id: number;
  version: number;
}

/** The largest page the API allows. */
export const ALL = { perPage: 200 } as const;

/**
 * Every item of a paged list, for pickers and the canvas's lookups: the first page says how
 * many there are, the other pages are fetched at once. (A single page of 200 silently left
 * out the rest on large accounts: pickers missed numbers, cards showed bare ids.)
 */
export async function listAll<T>(list: (params?: QueryParams) => Promise<Collection<T>>, params: QueryParams = {}): Promise<Collection<T>> {
  const first = await list({ ...params, ...ALL, page: 1 });
  const pages = Math.ceil(first.total / ALL.perPage);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => list({ ...params, ...ALL, page: i + 2 })));
  return { items: [...first.items, ...rest.flatMap((page) => page.items)], total: first.total };
}

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

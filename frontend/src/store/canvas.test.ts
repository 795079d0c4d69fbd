import { beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE, cable, draft, object } from '../test/fixtures';
import { findEdge, findNode, useCanvasStore } from './canvas';

const store = () => useCanvasStore.getState();

function openTab() {
  store().setCatalogue(CATALOGUE);
  store().setTab(1);
  store().loadDraft(draft([object(1, 'phone_number', 'Main line'), object(2, 'ring_group', 'Sales'), object(3, 'contact_method', 'Mike')], [cable(10, 1, 'calls', 2)]));
}

beforeEach(() => {
  useCanvasStore.setState(useCanvasStore.getInitialState(), true);
});

describe('canvas store', () => {
  it('when a draft of another tab arrives then nothing changes', () => {
    store().setTab(2);
    store().loadDraft(draft([object(1, 'phone_number', 'Main line')], []));
    expect(store().nodes).toEqual([]);
    expect(store().status).toBe('loading');
  });

  it('when the open tab loads then nodes and edges mirror the server rows', () => {
    openTab();
    expect(store().status).toBe('ready');
    expect(store().draftVersion).toBe(3);
    expect(store().nodes.map((n) => n.id)).toEqual(['1', '2', '3']);
    expect(findEdge(10)).toMatchObject({ source: '1', target: '2', sourceHandle: 'calls', targetHandle: 'calls' });
  });

  it('when an older draft version is seen then the newest is kept', () => {
    openTab();
    store().seeVersion(2);
    expect(store().draftVersion).toBe(3);
    store().seeVersion(7);
    expect(store().draftVersion).toBe(7);
  });

  it('when an object moves to another tab then it leaves this one', () => {
    openTab();
    store().upsertObject({ ...object(2, 'ring_group', 'Sales'), tabId: 9 });
    expect(findNode(2)).toBeUndefined();
  });

  it('when an object is updated then its data changes and its selection stays', () => {
    openTab();
    store().select(['2']);
    store().upsertObject({ ...object(2, 'ring_group', 'Support'), version: 2 });
    expect(findNode(2)?.data.name).toBe('Support');
    expect(findNode(2)?.selected).toBe(true);
  });

  it('when a node is removed then its cables go with it', () => {
    openTab();
    store().removeNodes(['2']);
    expect(store().nodes.map((n) => n.id)).toEqual(['1', '3']);
    expect(store().edges).toEqual([]);
  });

  it('when a cable names a node not on the tab then it is ignored', () => {
    openTab();
    store().upsertCable(cable(11, 2, 'members', 99));
    expect(findEdge(11)).toBeUndefined();
    store().upsertCable(cable(11, 2, 'members', 3));
    expect(findEdge(11)).toBeDefined();
  });

  it('when problems of an older version arrive then they are dropped', () => {
    openTab();
    const problem = { code: 'ring_group.no_members', severity: 'error' as const, message: 'x', objects: [2, 2], cables: [] };
    store().setProblems([problem], 5);
    expect(store().problemCounts).toEqual({ '2': 1 });
    store().setProblems([], 4);
    expect(store().problems).toHaveLength(1);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE, cable, draft, object } from '../test/fixtures';
import { useCanvasStore } from '../store/canvas';
import { connectionProblem, isLegalEnd } from './rules';

const state = () => useCanvasStore.getState();
const connect = (source: string, sourceHandle: string, target: string, targetHandle = 'calls') =>
  connectionProblem({ source, sourceHandle, target, targetHandle }, state().nodes, state().edges, state().catalogue);

beforeEach(() => {
  useCanvasStore.setState(useCanvasStore.getInitialState(), true);
  state().setCatalogue(CATALOGUE);
  state().setTab(1);
  state().loadDraft(
    draft([object(1, 'phone_number', 'Main line'), object(2, 'ring_group', 'Sales'), object(3, 'contact_method', 'Mike'), object(4, 'ring_group', 'Backup')], [cable(10, 1, 'calls', 2)]),
  );
});

describe('cable rules', () => {
  it('when an object is cabled to itself then refused', () => {
    expect(connect('2', 'no_answer', '2')).toBe('An object cannot be cabled to itself.');
  });

  it('when the ports do not exist or point the wrong way then refused', () => {
    expect(connect('3', 'calls', '2')).toBe('A cable goes from an output port to an input port.');
    expect(connect('1', 'nope', '2')).toBe('A cable goes from an output port to an input port.');
  });

  it('when the same cable exists then refused', () => {
    expect(connect('2', 'members', '3')).toBeNull();
    state().upsertCable(cable(11, 2, 'members', 3));
    expect(connect('2', 'members', '3')).toBe('These ports are cabled already.');
  });

  it('when a one-cable port is used then refused, naming the object', () => {
    expect(connect('1', 'calls', '4')).toBe("Main line's calls port is full.");
  });

  it('when a drag starts at an output then only free, accepting inputs are legal ends', () => {
    const origin = { nodeId: '2', handleId: 'no_answer', handleType: 'source' as const };
    const calls = CATALOGUE[1].ports[0];
    expect(isLegalEnd(origin, '4', calls)).toBe(true);
    expect(isLegalEnd(origin, '4', CATALOGUE[1].ports[1])).toBe(false);
  });
});

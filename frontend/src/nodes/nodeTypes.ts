/**
 * One component per object type, by the catalogue's type name, at module level so React Flow
 * keeps one reference. A type without an entry here is drawn by GenericNode from the catalogue.
 */
import type { NodeTypes } from '@xyflow/react';
import BlacklistNode from './BlacklistNode';
import CallerRouterNode from './CallerRouterNode';
import ContactMethodNode from './ContactMethodNode';
import ForwardNode from './ForwardNode';
import GenericNode from './GenericNode';
import InternalNumberNode from './InternalNumberNode';
import PhoneNumberNode from './PhoneNumberNode';
import RingGroupNode from './RingGroupNode';
import TimeRouterNode from './TimeRouterNode';

export const nodeTypes: NodeTypes = {
  phone_number: PhoneNumberNode,
  internal_number: InternalNumberNode,
  time_router: TimeRouterNode,
  caller_router: CallerRouterNode,
  blacklist: BlacklistNode,
  ring_group: RingGroupNode,
  contact_method: ContactMethodNode,
  forward: ForwardNode,
  generic: GenericNode,
};

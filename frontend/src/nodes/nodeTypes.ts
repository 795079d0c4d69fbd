/** One component per object type, at module level so React Flow keeps one reference. */
import type { NodeTypes } from '@xyflow/react';
import ContactMethodNode from './ContactMethodNode';
import GenericNode from './GenericNode';
import InternalNumberNode from './InternalNumberNode';
import PhoneNumberNode from './PhoneNumberNode';
import RingGroupNode from './RingGroupNode';

export const nodeTypes: NodeTypes = {
  phone_number: PhoneNumberNode,
  internal_number: InternalNumberNode,
  ring_group: RingGroupNode,
  contact_method: ContactMethodNode,
  generic: GenericNode,
};

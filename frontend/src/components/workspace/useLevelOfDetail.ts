/**
 * Level of detail: text on the canvas is never drawn smaller than 11 px on screen. Cards
 * write their smallest text at 12 px, so from zoom 1 down to FAR_ZOOM every word is legible
 * as it is; below it the card shows its name only, at a size that grows as the view zooms
 * out (12 px on screen at any zoom), and hides the small print (type, facts, port labels,
 * badges: the red outline still marks a problem).
 *
 * The zoom is written as a CSS variable on the canvas element, outside React, so zooming does
 * not re-render the cards.
 */
import { useStoreApi } from '@xyflow/react';
import { type RefObject, useEffect } from 'react';

/** The smallest card text (12 px) times this stays at 11 px or more. */
export const FAR_ZOOM = 11 / 12;

export function useLevelOfDetail(element: RefObject<HTMLElement | null>): void {
  const flow = useStoreApi();
  useEffect(() => {
    const apply = (zoom: number) => {
      const node = element.current;
      if (!node) return;
      node.style.setProperty('--zoom', String(zoom));
      node.classList.toggle('lod-far', zoom < FAR_ZOOM);
    };
    apply(flow.getState().transform[2]);
    return flow.subscribe((state, previous) => {
      if (state.transform[2] !== previous.transform[2]) apply(state.transform[2]);
    });
  }, [flow, element]);
}

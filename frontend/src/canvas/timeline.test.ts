import { describe, expect, it } from 'vitest';
import { fieldError, timelineLimits } from './timeline';

const bounds = (start: [number, number], duration: [number, number]) => ({
  properties: {
    members: {
      type: 'array',
      items: { type: 'object', properties: { start: { minimum: start[0], maximum: start[1] }, duration: { minimum: duration[0], maximum: duration[1] } } },
    },
  },
});

describe('ring timeline limits', () => {
  it('when the schema is not loaded then the server defaults hold', () => {
    expect(timelineLimits(undefined)).toEqual({ start: { min: 0, max: 300 }, duration: { min: 1, max: 300 } });
  });

  it('when the schema declares bounds then they are the limits', () => {
    expect(timelineLimits(bounds([0, 120], [5, 90]))).toEqual({ start: { min: 0, max: 120 }, duration: { min: 5, max: 90 } });
  });
});

describe('typed seconds', () => {
  const limits = { min: 1, max: 300 };

  it('when the text is not whole seconds then it says so', () => {
    expect(fieldError('', limits)).toBe('Enter whole seconds');
    expect(fieldError('-', limits)).toBe('Enter whole seconds');
    expect(fieldError('2.5', limits)).toBe('Enter whole seconds');
  });

  it('when out of bounds then the bound is named', () => {
    expect(fieldError('0', limits)).toBe('At least 1 s');
    expect(fieldError('301', limits)).toBe('At most 300 s');
  });

  it('when within bounds then no message', () => {
    expect(fieldError('1', limits)).toBeNull();
    expect(fieldError('300', limits)).toBeNull();
  });
});

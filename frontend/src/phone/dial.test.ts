import { describe, expect, it } from 'vitest';
import { normalizeDial, routeLabel, sipTarget } from './dial';

describe('normalizeDial', () => {
  it('when the input has letters or nothing dialable then null', () => {
    expect(normalizeDial('call mike')).toBeNull();
    expect(normalizeDial('  ')).toBeNull();
    expect(normalizeDial('()-')).toBeNull();
  });

  it('when a number is written with punctuation then only digits and a leading plus stay', () => {
    expect(normalizeDial('+1 (415) 555-0100')).toBe('+14155550100');
    expect(normalizeDial('0174 448.746')).toBe('0174448746');
    expect(normalizeDial(' 102 ')).toBe('102');
    expect(normalizeDial('*1')).toBe('*1');
  });

  it('when a tel: link is given then its number is dialled without parameters', () => {
    expect(normalizeDial('tel:+1-415-555-0100;ext=2')).toBe('+14155550100');
    expect(normalizeDial('tel:%2B14155550100')).toBe('+14155550100');
  });
});

describe('sipTarget and routeLabel', () => {
  it('when a route header is missing then no label', () => {
    expect(routeLabel(null)).toBeNull();
    expect(routeLabel('')).toBeNull();
  });

  it('when dialled then the URI is in the domain and routes read as people say them', () => {
    expect(sipTarget('102', '127.0.0.1')).toBe('sip:102@127.0.0.1');
    expect(routeLabel('ext:102;revision=3')).toBe('Extension 102');
    expect(routeLabel('+14155550100;revision=3')).toBe('+14155550100');
  });
});

import { describe, expect, it } from 'vitest';
import { notSetYet } from './LmsInspector';
import type { LmsCall } from './lms-messages';

const call = (method: string, error: string, element = 'cmi.location'): LmsCall => ({
  seq: 1,
  method,
  args: [element],
  result: '',
  error,
});

describe('the LMS calls table', () => {
  it('takes a SCORM 2004 read of an element nothing set yet (403) for the normal first read, not a failure', () => {
    expect(notSetYet(call('GetValue', '403'))).toBe(true);
    expect(notSetYet(call('GetValue', '403', 'cmi.suspend_data'))).toBe(true);
  });

  it('still shows every other error as one: a refused set, a 1.2 read-only element, a wrong element', () => {
    expect(notSetYet(call('SetValue', '403'))).toBe(false);
    expect(notSetYet(call('LMSGetValue', '403'))).toBe(false);
    expect(notSetYet(call('GetValue', '401', 'cmi.nothing'))).toBe(false);
    expect(notSetYet(call('GetValue', '0'))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { asLmsMessage } from './lms-messages';

describe('messages from the preview’s LMS page', () => {
  it('accepts a call report with its result, error code and data model', () => {
    const message = {
      source: 'tailor-preview',
      kind: 'call',
      call: { seq: 1, method: 'SetValue', args: ['cmi.location', 'm1'], result: 'true', error: '0' },
      model: { 'cmi.location': 'm1' },
    };
    expect(asLmsMessage(message)).toEqual(message);
  });

  it('ignores anything else posted to the studio’s window', () => {
    expect(asLmsMessage('hello')).toBeNull();
    expect(asLmsMessage({ source: 'other', kind: 'ready', api: 'scorm12' })).toBeNull();
    expect(asLmsMessage({ source: 'tailor-preview', kind: 'call', call: { seq: 1 }, model: {} })).toBeNull();
    expect(
      asLmsMessage({
        source: 'tailor-preview',
        kind: 'call',
        call: { seq: 1, method: 'SetValue', args: [1], result: 'true', error: '0' },
        model: {},
      }),
    ).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { asLmsMessage, asStudioMessage } from './lms-messages';

describe('messages from the preview’s LMS page', () => {
  it('accepts a call report with its result, error code, note, session model and stored data', () => {
    const message = {
      source: 'tailor-preview',
      kind: 'call',
      call: { seq: 1, method: 'Commit', args: [''], result: 'false', error: '391', note: 'Commit refused' },
      model: { 'cmi.location': 'm1' },
      held: {},
    };
    expect(asLmsMessage(message)).toEqual(message);
  });

  it('accepts a session event', () => {
    const message = { source: 'tailor-preview', kind: 'session', event: 'relaunched', session: 2, text: 'Resumed' };
    expect(asLmsMessage(message)).toEqual(message);
    expect(asLmsMessage({ ...message, event: 'exploded' })).toBeNull();
  });

  it('ignores anything else posted to the studio’s window', () => {
    expect(asLmsMessage('hello')).toBeNull();
    expect(asLmsMessage({ source: 'other', kind: 'ready', api: 'scorm12' })).toBeNull();
    expect(asLmsMessage({ source: 'tailor-preview', kind: 'call', call: { seq: 1 }, model: {}, held: {} })).toBeNull();
    const call = { seq: 1, method: 'SetValue', args: [1], result: 'true', error: '0' };
    expect(asLmsMessage({ source: 'tailor-preview', kind: 'call', call, model: {}, held: {} })).toBeNull();
    const good = { ...call, args: ['cmi.location'] };
    expect(asLmsMessage({ source: 'tailor-preview', kind: 'call', call: good, model: {} })).toBeNull();
    expect(
      asLmsMessage({ source: 'tailor-preview', kind: 'call', call: { ...good, note: 3 }, model: {}, held: {} }),
    ).toBeNull();
  });
});

describe('requests from the studio to the LMS page', () => {
  it('keeps only the fields of a known request', () => {
    expect(asStudioMessage({ source: 'tailor-studio', kind: 'close', extra: 'x' })).toEqual({
      source: 'tailor-studio',
      kind: 'close',
    });
    expect(
      asStudioMessage({ source: 'tailor-studio', kind: 'misbehave', failCommits: true, dropRepeats: false }),
    ).toEqual({ source: 'tailor-studio', kind: 'misbehave', failCommits: true, dropRepeats: false });
  });

  it('refuses anything else', () => {
    expect(asStudioMessage(null)).toBeNull();
    expect(asStudioMessage({ source: 'tailor-preview', kind: 'close' })).toBeNull();
    expect(
      asStudioMessage({ source: 'tailor-studio', kind: 'misbehave', failCommits: 'yes', dropRepeats: false }),
    ).toBeNull();
    expect(asStudioMessage({ source: 'tailor-studio', kind: 'eval' })).toBeNull();
  });
});

describe('player requests and replies through the LMS page', () => {
  it('passes a well-formed request to open a module on, and nothing else', () => {
    const request = { source: 'tailor-preview-lms', kind: 'open', module: 'm1' };
    expect(asStudioMessage({ source: 'tailor-studio', kind: 'player', request })).toEqual({
      source: 'tailor-studio',
      kind: 'player',
      request,
    });
    expect(asStudioMessage({ source: 'tailor-studio', kind: 'player', request: { ...request, module: 1 } })).toBeNull();
  });

  it('accepts the player’s reply as the LMS page forwards it', () => {
    const reply = { source: 'tailor-player', kind: 'open', ok: false, text: 'Tested out' };
    expect(asLmsMessage({ source: 'tailor-preview', kind: 'player', reply })).toEqual({
      source: 'tailor-preview',
      kind: 'player',
      reply,
    });
    expect(asLmsMessage({ source: 'tailor-preview', kind: 'player', reply: { ...reply, ok: 1 } })).toBeNull();
  });
});

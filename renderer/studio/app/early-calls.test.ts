import { describe, expect, it } from 'vitest';
import type { Transport } from '../../../shared/contract/client';
import { startupCalls, withEarlyCalls } from './early-calls';

/** A transport that records every call it is asked and answers with the call's number. */
function recording() {
  const asked: { name: string; payload: unknown }[] = [];
  const transport: Transport = {
    invoke: (name, payload) => {
      asked.push({ name, payload });
      return Promise.resolve(asked.length);
    },
    subscribe: () => () => undefined,
  };
  return { asked, transport };
}

describe('early calls', () => {
  it('answers the studio’s later call from the request sent at start, whatever the order of its payload’s keys', async () => {
    const { asked, transport } = recording();
    const early = withEarlyCalls(transport, [
      { name: 'document.open', payload: { path: '/a.tailor', readOnly: false } },
    ]);
    expect(asked).toHaveLength(1);
    await expect(early.invoke('document.open', { readOnly: false, path: '/a.tailor' })).resolves.toBe(1);
    expect(asked).toHaveLength(1);
  });

  it('answers only once: the same call asked again goes to the backend', async () => {
    const { asked, transport } = recording();
    const early = withEarlyCalls(transport, [{ name: 'app.info', payload: {} }]);
    await early.invoke('app.info', {});
    await expect(early.invoke('app.info', {})).resolves.toBe(2);
    expect(asked).toHaveLength(2);
  });

  it('sends a call with another payload to the backend', async () => {
    const { asked, transport } = recording();
    const early = withEarlyCalls(transport, [
      { name: 'document.open', payload: { path: '/a.tailor', readOnly: false } },
    ]);
    await early.invoke('document.open', { path: '/a.tailor', readOnly: true });
    expect(asked.map((a) => a.payload)).toEqual([
      { path: '/a.tailor', readOnly: false },
      { path: '/a.tailor', readOnly: true },
    ]);
  });

  it('asks for the course and its document only when the address names a course', () => {
    expect(startupCalls('').map((c) => c.name)).toEqual(['app.info']);
    expect(startupCalls('#course=%2Fx%2Fa.tailor&sel=modules')).toEqual([
      { name: 'app.info', payload: {} },
      { name: 'course.open', payload: { path: '/x/a.tailor' } },
      { name: 'document.open', payload: { path: '/x/a.tailor', readOnly: false } },
    ]);
  });
});

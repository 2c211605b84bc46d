import { describe, expect, it, vi } from 'vitest';
import type { AppInfo, CourseSummary } from './calls';
import { createClient, type Transport } from './client';
import { createDispatch, type Handlers } from './dispatch';
import { TailorError } from './result';
import { stubHandlers } from '../../test/fixtures/handlers';

const info: AppInfo = {
  name: 'Tailor',
  version: '0.0.0',
  host: 'test',
  documentsDir: '/courses',
  capabilities: { pickFolder: false, pickDocument: false, revealInFolder: false, nativeMenu: false },
};
const summary: CourseSummary = { path: '/courses/a.tailor', title: 'A', modifiedAt: '2026-01-01T00:00:00.000Z' };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return stubHandlers({
    'app.info': () => info,
    'library.list': () => ({ entries: [] }),
    'course.create': ({ title }) => ({ ...summary, title }),
    'course.open': () => summary,
    ...overrides,
  });
}

describe('dispatch', () => {
  it('returns the handler value in an ok envelope', async () => {
    const dispatch = createDispatch(handlers());
    expect(await dispatch('course.create', { title: 'Safety' })).toEqual({
      ok: true,
      value: { ...summary, title: 'Safety' },
    });
  });

  it('passes the validated request: strings are trimmed before the handler sees them', async () => {
    const create = vi.fn(({ title }: { title: string }) => ({ ...summary, title }));
    const dispatch = createDispatch(handlers({ 'course.create': create }));
    await dispatch('course.create', { title: '  Safety  ' });
    expect(create).toHaveBeenCalledWith({ title: 'Safety' });
  });

  it('never lets a malformed request reach the handler and names the wrong field', async () => {
    const create = vi.fn(() => summary);
    const dispatch = createDispatch(handlers({ 'course.create': create }));
    const result = await dispatch('course.create', { title: 42 });
    expect(create).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.issues).toEqual([{ field: 'title', message: 'must be text' }]);
    expect(result.error.message).toContain('"title" must be text');
  });

  it('names every wrong field at once, including unknown ones', async () => {
    const result = await createDispatch(handlers())('course.create', { title: '', folder: '', colour: 'red' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.error.issues?.map((i) => i.field).sort();
    expect(fields).toEqual(['', 'folder', 'title']);
    expect(result.error.message).toMatch(/colour/);
  });

  it('refuses a request that is not an object', async () => {
    const result = await createDispatch(handlers())('course.open', 'just a string');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('answers an unknown call with unknown-call, also for names inherited from Object', async () => {
    const dispatch = createDispatch(handlers());
    expect(await dispatch('course.delete', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await dispatch('toString', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  it('turns a TailorError into a value with its code and message', async () => {
    const dispatch = createDispatch(
      handlers({
        'course.open': () => {
          throw new TailorError('document-too-new', 'Saved by a newer Tailor.');
        },
      }),
    );
    expect(await dispatch('course.open', { path: '/x.tailor' })).toEqual({
      ok: false,
      error: { code: 'document-too-new', message: 'Saved by a newer Tailor.' },
    });
  });

  it('reports an unexpected throw as an internal error and tells the log', async () => {
    const onInternalError = vi.fn();
    const dispatch = createDispatch(
      handlers({
        'library.list': () => {
          throw new RangeError('boom');
        },
      }),
      { onInternalError },
    );
    const result = await dispatch('library.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(onInternalError).toHaveBeenCalledWith('library.list', expect.any(RangeError));
  });
});

describe('contract client', () => {
  it('passes calls through a transport and returns the typed result', async () => {
    const dispatch = createDispatch(handlers());
    const transport: Transport = { invoke: (name, payload) => dispatch(name, payload), subscribe: () => () => {} };
    const result = await createClient(transport).invoke('app.info', {});
    expect(result).toEqual({ ok: true, value: info });
  });

  it('turns a broken transport into a transport error value instead of throwing', async () => {
    const transport: Transport = {
      invoke: () => Promise.reject(new Error('connection refused')),
      subscribe: () => () => {},
    };
    const result = await createClient(transport).invoke('library.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'transport' } });
    if (!result.ok) expect(result.error.message).toContain('connection refused');
  });

  it('refuses an answer that is not a Result envelope', async () => {
    const transport: Transport = { invoke: async () => ({ hello: 'world' }), subscribe: () => () => {} };
    expect(await createClient(transport).invoke('library.list', {})).toMatchObject({
      ok: false,
      error: { code: 'transport' },
    });
  });
});

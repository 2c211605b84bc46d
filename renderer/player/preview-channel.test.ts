import { describe, expect, it } from 'vitest';
import {
  asPlayerReply,
  asPlayerRequest,
  framedByPreviewLms,
  listenToPreview,
  PREVIEW_LMS_MARK,
} from './preview-channel';

type Listener = (event: { source: unknown; origin: string; data: unknown }) => void;

/** A window framed by `parent`, on `origin`, recording what it posts to its parent. */
function framedWindow(parent: Record<string, unknown> | 'cross-origin', origin = 'http://127.0.0.1:4000') {
  const listeners: Listener[] = [];
  const posted: { message: unknown; target: string }[] = [];
  const parentWindow =
    parent === 'cross-origin'
      ? new Proxy(
          { postMessage: () => {} },
          {
            get: (target, key) => {
              if (key === 'postMessage') return target.postMessage;
              throw new DOMException('Blocked a frame with origin', 'SecurityError');
            },
          },
        )
      : { ...parent, postMessage: (message: unknown, target: string) => posted.push({ message, target }) };
  const win = {
    parent: parentWindow,
    location: { origin },
    addEventListener: (_type: string, fn: Listener) => listeners.push(fn),
  };
  const send = (data: unknown, from: unknown = parentWindow, at = origin) =>
    listeners.forEach((fn) => fn({ source: from, origin: at, data }));
  return { win: win as unknown as Window, listeners, posted, send };
}

const control = () => {
  const asked: string[] = [];
  return {
    asked,
    open: (module: string, lesson?: string) => {
      asked.push(`open ${module} ${lesson ?? ''}`.trim());
      return { ok: true, text: 'Opened' };
    },
    autopilot: (_answers: unknown, _needs: unknown, all: boolean) => {
      asked.push(`autopilot ${all ? 'all' : 'step'}`);
      return { ok: false, text: 'No answer' };
    },
  };
};

describe('the player’s preview-only channel', () => {
  it('opens only under the preview’s LMS page, never under an LMS on another origin or unframed', () => {
    expect(framedByPreviewLms(framedWindow({ [PREVIEW_LMS_MARK]: true }).win)).toBe(true);
    expect(framedByPreviewLms(framedWindow({}).win)).toBe(false);
    expect(framedByPreviewLms(framedWindow('cross-origin').win)).toBe(false);
    const top = { location: { origin: 'x' } } as unknown as Window & { parent: unknown };
    top.parent = top;
    expect(framedByPreviewLms(top)).toBe(false);
  });

  it('does not listen at all inside a real LMS', () => {
    const lms = framedWindow({});
    expect(listenToPreview(lms.win, control())).toBe(false);
    expect(lms.listeners).toHaveLength(0);
  });

  it('carries out the LMS page’s requests and replies to its own origin only', () => {
    const preview = framedWindow({ [PREVIEW_LMS_MARK]: true });
    const player = control();
    expect(listenToPreview(preview.win, player)).toBe(true);
    preview.send({ source: 'tailor-preview-lms', kind: 'open', module: 'm2', lesson: 'l3' });
    preview.send({
      source: 'tailor-preview-lms',
      kind: 'autopilot',
      answers: { q1: 'a', q2: true },
      needs: { captions: true, audio: false, reducedMotion: false },
      all: true,
    });
    expect(player.asked).toEqual(['open m2 l3', 'autopilot all']);
    expect(preview.posted).toEqual([
      { message: { source: 'tailor-player', kind: 'open', ok: true, text: 'Opened' }, target: 'http://127.0.0.1:4000' },
      {
        message: { source: 'tailor-player', kind: 'autopilot', ok: false, text: 'No answer' },
        target: 'http://127.0.0.1:4000',
      },
    ]);
  });

  it('ignores requests from another origin, another window or of the wrong shape', () => {
    const preview = framedWindow({ [PREVIEW_LMS_MARK]: true });
    const player = control();
    listenToPreview(preview.win, player);
    const open = { source: 'tailor-preview-lms', kind: 'open', module: 'm1' };
    preview.send(open, undefined, 'http://evil.example');
    preview.send(open, { postMessage: () => {} });
    preview.send({ ...open, module: 3 });
    preview.send({ source: 'tailor-preview-lms', kind: 'autopilot', answers: { q1: { x: 1 } }, needs: {}, all: true });
    expect(player.asked).toEqual([]);
    expect(preview.posted).toEqual([]);
  });

  it('validates replies and requests as they cross the LMS page', () => {
    expect(asPlayerReply({ source: 'tailor-player', kind: 'open', ok: true, text: 'Opened' })).not.toBeNull();
    expect(asPlayerReply({ source: 'tailor-player', kind: 'open', ok: 'yes', text: 'Opened' })).toBeNull();
    expect(asPlayerRequest({ source: 'tailor-preview-lms', kind: 'open', module: 'm1', extra: 'x' })).toEqual({
      source: 'tailor-preview-lms',
      kind: 'open',
      module: 'm1',
    });
    expect(asPlayerRequest({ source: 'tailor-studio', kind: 'open', module: 'm1' })).toBeNull();
  });
});

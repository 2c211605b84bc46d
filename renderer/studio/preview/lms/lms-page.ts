import { Scorm12API, Scorm2004API } from 'scorm-again';
import type { LmsApiKind, LmsCall, LmsToStudio } from '../lms-messages';

/**
 * The preview's LMS page: served beside the package (same origin as the course, never the studio's),
 * it hosts scorm-again as the LMS API, opens the package in a frame as an LMS would, and reports
 * every API call to the studio by postMessage.
 */
const METHODS: Record<LmsApiKind, readonly string[]> = {
  scorm12: ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit'],
  scorm2004: ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit'],
};

type Api = Record<string, (...args: string[]) => unknown> & { getFlattenedCMI(): Record<string, unknown> };

function start(): void {
  const params = new URLSearchParams(window.location.search);
  const kind: LmsApiKind = params.get('api') === 'scorm12' ? 'scorm12' : 'scorm2004';
  // Messages go only to the studio that opened the preview, never to whoever frames this page.
  const studio = params.get('studio') ?? '';
  const post = (message: LmsToStudio) => {
    if (studio && window.parent !== window) window.parent.postMessage(message, studio);
  };
  const settings = { autocommit: false, logLevel: 5 as const };
  const api = (kind === 'scorm12' ? new Scorm12API(settings) : new Scorm2004API(settings)) as unknown as Api;
  const lastError = (kind === 'scorm12' ? api.LMSGetLastError : api.GetLastError)!.bind(api);
  const model = (): Record<string, string> =>
    Object.fromEntries(
      Object.entries(api.getFlattenedCMI())
        // Empty collections flatten to objects; only values the LMS holds are shown.
        .filter(([, v]) => v === null || typeof v !== 'object')
        .map(([k, v]) => [k, String(v ?? '')]),
    );
  let seq = 0;
  for (const method of METHODS[kind]) {
    const original = api[method]!.bind(api);
    api[method] = (...args: string[]) => {
      const result = original(...args);
      const call: LmsCall = {
        seq: ++seq,
        method,
        args: args.map(String),
        result: String(result),
        error: String(lastError()),
      };
      post({ source: 'tailor-preview', kind: 'call', call, model: model() });
      return result;
    };
  }
  (window as unknown as Record<string, unknown>)[kind === 'scorm12' ? 'API' : 'API_1484_11'] = api;
  post({ source: 'tailor-preview', kind: 'ready', api: kind });

  const frame = document.createElement('iframe');
  frame.title = params.get('title') ?? 'Course';
  // Learner attributes travel as launch parameters, as an LMS would append them.
  frame.src = `../pkg/index.html${params.get('launch') ? `?${params.get('launch')}` : ''}`;
  document.body.append(frame);
}

start();

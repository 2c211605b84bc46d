import { Scorm12API, Scorm2004API } from 'scorm-again';
import { heldAfterSave, nextLaunch } from '../../../../shared/scorm/lms-limits';
import { asPlayerReply, PREVIEW_LMS_MARK } from '../../../player/preview-channel';
import {
  asStudioMessage,
  type LmsApiKind,
  type LmsCall,
  type LmsMisbehaviour,
  type LmsToStudio,
} from '../lms-messages';

/**
 * The preview's LMS page: served beside the package (same origin as the course, never the studio's),
 * it hosts scorm-again as the LMS API, opens the package in a frame as an LMS would, and reports
 * every API call to the studio by postMessage. The studio may ask it to close the course's tab,
 * relaunch it (resume from what the LMS stored) or misbehave as some LMSs do.
 */
const METHODS: Record<LmsApiKind, readonly string[]> = {
  scorm12: ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit'],
  scorm2004: ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit'],
};
const NAMES = {
  scorm12: { commit: 'LMSCommit', finish: 'LMSFinish', set: 'LMSSetValue', global: 'API' },
  scorm2004: { commit: 'Commit', finish: 'Terminate', set: 'SetValue', global: 'API_1484_11' },
} as const;
/** SCORM 1.2 "General exception"; SCORM 2004 "General Commit Failure". */
const COMMIT_FAILURE = { scorm12: 101, scorm2004: 391 } as const;

type Api = Record<string, (...args: string[]) => unknown> & {
  getFlattenedCMI(): Record<string, unknown>;
  loadFromFlattenedJSON(json: Record<string, string>): void;
  isTerminated(): boolean;
  throwSCORMError(element: string | undefined, code: number, message?: string): void;
};

interface Session {
  readonly api: Api;
  readonly frame: HTMLIFrameElement;
}

/** A rebuilt preview's place, carried over from the attempt before the edit (flattened data model as JSON). */
function carried(json: string | null): Record<string, string> | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null) return null;
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return null;
  }
}

function start(): void {
  const params = new URLSearchParams(window.location.search);
  const kind: LmsApiKind = params.get('api') === 'scorm12' ? 'scorm12' : 'scorm2004';
  const names = NAMES[kind];
  // Messages go only to the studio that opened the preview, never to whoever frames this page.
  const studio = params.get('studio') ?? '';
  const post = (message: LmsToStudio) => {
    if (studio && window.parent !== window) window.parent.postMessage(message, studio);
  };
  const settings = { autocommit: false, logLevel: 5 as const };
  const flatten = (api: Api): Record<string, string> =>
    Object.fromEntries(
      Object.entries(api.getFlattenedCMI())
        // Empty collections flatten to objects; only values are kept.
        .filter(([, v]) => v === null || typeof v !== 'object')
        .map(([k, v]) => [k, String(v ?? '')]),
    );

  let misbehaviour: LmsMisbehaviour = { failCommits: false, dropRepeats: false };
  /** What the LMS has stored for this attempt: the data of the last save it accepted. */
  let held: Record<string, string> = {};
  let sessions = 0;
  let seq = 0;
  let current: Session | null = null;
  const closed = document.createElement('p');
  closed.className = 'lms-closed';
  closed.textContent = 'The course’s tab is closed. Relaunch it from the LMS calls panel.';

  const launch = (resume: Record<string, string> | null): void => {
    sessions += 1;
    const api = (kind === 'scorm12' ? new Scorm12API(settings) : new Scorm2004API(settings)) as unknown as Api;
    if (resume) api.loadFromFlattenedJSON(resume);
    const launched = flatten(api);
    // The attempt's first launch: what it starts with is what the LMS holds (a rebuilt preview's carried place).
    if (sessions === 1) held = { ...launched };
    const lastError = (kind === 'scorm12' ? api.LMSGetLastError : api.GetLastError)!.bind(api);
    for (const method of METHODS[kind]) {
      const original = api[method]!.bind(api);
      api[method] = (...args: string[]) => {
        let result: unknown;
        let note: string | undefined;
        if (method === names.commit && misbehaviour.failCommits) {
          api.throwSCORMError(undefined, COMMIT_FAILURE[kind], 'The LMS could not save (simulated).');
          result = 'false';
          note = 'Commit refused (simulated)';
        } else {
          result = original(...args);
          if (method === names.set && misbehaviour.dropRepeats && launched[args[0] ?? ''] === String(args[1]))
            note = 'Not stored: equals the launch value (simulated)';
          if ((method === names.commit || method === names.finish) && String(result) === 'true') {
            if (misbehaviour.failCommits) note = 'Save refused: the LMS keeps its last save (simulated)';
            else held = heldAfterSave(held, flatten(api), launched, misbehaviour.dropRepeats);
          }
        }
        const call: LmsCall = {
          seq: ++seq,
          method,
          args: args.map(String),
          result: String(result),
          error: String(lastError()),
          ...(note ? { note } : {}),
        };
        post({ source: 'tailor-preview', kind: 'call', call, model: flatten(api), held });
        return result;
      };
    }
    (window as unknown as Record<string, unknown>)[names.global] = api;
    const frame = document.createElement('iframe');
    frame.title = params.get('title') ?? 'Course';
    // Learner attributes travel as launch parameters, as an LMS would append them.
    // Display preferences (theme, captions, motion) ride along as the device would ask for them.
    const query = [params.get('launch'), params.get('display')].filter(Boolean).join('&');
    frame.src = `../pkg/index.html${query ? `?${query}` : ''}`;
    closed.remove();
    document.body.append(frame);
    current = { api, frame };
  };

  const close = (): void => {
    if (!current) return;
    const { api, frame } = current;
    current = null;
    // Removing the frame unloads the course as closing its tab does: its pagehide handler runs now.
    frame.remove();
    document.body.append(closed);
    post({
      source: 'tailor-preview',
      kind: 'session',
      event: 'closed',
      session: sessions,
      text: api.isTerminated()
        ? 'Tab closed: the course ended its session as it unloaded.'
        : 'Tab closed before the course ended its session: the LMS keeps only what was saved.',
    });
  };

  const relaunch = (): void => {
    close();
    launch(nextLaunch(held, kind === 'scorm12'));
    post({
      source: 'tailor-preview',
      kind: 'session',
      event: 'relaunched',
      session: sessions,
      text: `Session ${sessions} launched with what the LMS stored (entry "resume").`,
    });
  };

  // The package's player opens its preview-only channel when it finds this mark on its (same-origin) parent.
  (window as unknown as Record<string, unknown>)[PREVIEW_LMS_MARK] = true;
  const own = window.location.origin;

  window.addEventListener('message', (event) => {
    // The player's replies come from the course's frame on this page's own origin; they go on to the studio.
    if (current && event.source === current.frame.contentWindow) {
      const reply = event.origin === own ? asPlayerReply(event.data) : null;
      if (reply) post({ source: 'tailor-preview', kind: 'player', reply });
      return;
    }
    // Only the studio that opened this page, from its own origin, may steer the LMS.
    if (!studio || event.source !== window.parent || event.origin !== studio) return;
    const message = asStudioMessage(event.data);
    if (message?.kind === 'player') current?.frame.contentWindow?.postMessage(message.request, own);
    else if (message?.kind === 'close') close();
    else if (message?.kind === 'relaunch') relaunch();
    else if (message?.kind === 'misbehave')
      misbehaviour = { failCommits: message.failCommits, dropRepeats: message.dropRepeats };
  });

  post({ source: 'tailor-preview', kind: 'ready', api: kind });
  launch(carried(params.get('resume')));
}

start();

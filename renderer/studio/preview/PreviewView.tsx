import { Button, Callout, H2, HTMLSelect, Intent, NonIdealState, Spinner, Tab, Tabs } from '@blueprintjs/core';
import { Refresh } from '@blueprintjs/icons';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { indexCourse } from '../../../shared/engine';
import { STANDARDS, type Standard } from '../../../shared/scorm';
import { useBackend } from '../app/backend-context';
import type { EditorContext } from '../editors/editor-context';
import { lmsPageAddress } from './learner-preview';
import { LmsInspector } from './LmsInspector';
import { PathXray } from './PathXray';
import { SideBySide } from './SideBySide';
import { asLmsMessage, type LmsCall } from './lms-messages';
import './preview.css';

const STANDARD_LABEL: Readonly<Record<Standard, string>> = {
  scorm12: 'SCORM 1.2',
  'scorm2004-3rd': 'SCORM 2004 3rd Edition',
  'scorm2004-4th': 'SCORM 2004 4th Edition',
};
interface LmsLog {
  readonly address: string | null;
  readonly calls: readonly LmsCall[];
  readonly model: Readonly<Record<string, string>>;
}

/** Edits are gathered this long before the package is built again. */
const REBUILD_AFTER_MS = 800;

/** The course as learners get it: the package export writes, run against scorm-again in a sandboxed frame. */
export function PreviewView({ context }: { context: EditorContext }): ReactNode {
  const { client } = useBackend();
  const { course, path } = context;
  const [standard, setStandard] = useState<Standard>('scorm2004-4th');
  const [personaId, setPersonaId] = useState('');
  const [restarts, setRestarts] = useState(0);
  const [url, setUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [log, setLog] = useState<LmsLog>({ address: null, calls: [], model: {} });
  const [tab, setTab] = useState<'xray' | 'compare' | 'lms'>('xray');
  const frame = useRef<HTMLIFrameElement>(null);
  const index = useMemo(() => indexCourse(course), [course]);
  const persona = course.personas.find((p) => p.id === personaId);

  // The package is built again after edits (debounced) and on restart; the frame starts a new attempt.
  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(
      () => {
        void client.invoke('preview.open', { path, standard }).then((result) => {
          if (!live) return;
          if (result.ok) {
            setUrl(result.value.url);
            setProblem(null);
          } else setProblem(result.error.message);
        });
      },
      url ? REBUILD_AFTER_MS : 0,
    );
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // `url` only decides the delay; a new url must not rebuild again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, path, standard, course, restarts]);

  const address = url
    ? lmsPageAddress(url, { standard, studioOrigin: window.location.origin, persona, title: course.title })
    : null;
  // A new address is a new attempt: the previous attempt's calls are not shown against it.
  const { calls, model } = log.address === address ? log : { calls: [], model: {} };

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      // Only the LMS page in our own frame, from the preview's origin, is heard.
      if (!address || event.source !== frame.current?.contentWindow || event.origin !== new URL(address).origin) return;
      const message = asLmsMessage(event.data);
      if (message?.kind !== 'call') return;
      setLog((prev) => ({
        address,
        calls: prev.address === address ? [...prev.calls, message.call] : [message.call],
        model: message.model,
      }));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [address]);

  return (
    <div className="preview">
      <header className="preview-toolbar">
        <H2 className="preview-title">Preview</H2>
        <div className="preview-field">
          <label htmlFor="preview-learner">Learner</label>
          <HTMLSelect id="preview-learner" value={personaId} onChange={(e) => setPersonaId(e.currentTarget.value)}>
            <option value="">Anyone (answers the intake)</option>
            {course.personas.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </HTMLSelect>
        </div>
        <div className="preview-field">
          <label htmlFor="preview-standard">LMS</label>
          <HTMLSelect
            id="preview-standard"
            value={standard}
            onChange={(e) => setStandard(e.currentTarget.value as Standard)}
          >
            {STANDARDS.map((s) => (
              <option key={s} value={s}>
                {STANDARD_LABEL[s]}
              </option>
            ))}
          </HTMLSelect>
        </div>
        <Button icon={<Refresh />} text="Restart" onClick={() => setRestarts((n) => n + 1)} />
      </header>
      {problem && (
        <Callout intent={Intent.DANGER} title="The preview could not start" role="alert" compact>
          {problem}
        </Callout>
      )}
      <div className={`preview-body is-${tab}`}>
        <div className="preview-stage">
          {address ? (
            <iframe
              ref={frame}
              key={address}
              className="preview-frame"
              title={`${course.title} as ${persona?.name ?? 'a learner'} (${STANDARD_LABEL[standard]})`}
              src={address}
              sandbox="allow-scripts allow-same-origin allow-forms"
            />
          ) : (
            !problem && <NonIdealState icon={<Spinner size={24} />} description="Building the package…" />
          )}
        </div>
        <aside className="preview-side" aria-label="About this preview">
          <Tabs id="preview-tabs" selectedTabId={tab} onChange={(id) => setTab(id as typeof tab)}>
            <Tab id="xray" title="Path" panel={<PathXray index={index} personaId={personaId} />} />
            <Tab id="compare" title="Side by side" panel={<SideBySide index={index} />} />
            <Tab id="lms" title={`LMS calls (${calls.length})`} panel={<LmsInspector calls={calls} model={model} />} />
          </Tabs>
        </aside>
      </div>
    </div>
  );
}

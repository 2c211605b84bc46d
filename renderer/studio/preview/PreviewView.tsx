import {
  Button,
  ButtonGroup,
  Callout,
  Checkbox,
  H2,
  HTMLSelect,
  Intent,
  NonIdealState,
  Popover,
  PopupKind,
  Spinner,
  Tab,
  Tabs,
} from '@blueprintjs/core';
import { CaretDown, Desktop, Document, FastForward, MobilePhone, Refresh, StepForward } from '@blueprintjs/icons';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { indexCourse, personaAnswer } from '../../../shared/engine';
import { STANDARDS, type Standard } from '../../../shared/scorm';
import { useBackend } from '../app/backend-context';
import type { EditorContext } from '../editors/editor-context';
import type { Course } from '../../../shared/model';
import { carryOver, type CarriedPlace } from './carry-over';
import { lmsPageAddress, type PreviewDisplay } from './learner-preview';
import { LmsInspector, type LmsSimulation } from './LmsInspector';
import { PathXray, type PlayerNote } from './PathXray';
import { ReviewReportDialog } from './ReviewReportDialog';
import { SideBySide } from './SideBySide';
import { startLaunch, startOptions, type StartAt } from './start-at';
import { asLmsMessage, type LmsCall, type LmsMisbehaviour, type StudioToLms } from './lms-messages';
import './preview.css';

const STANDARD_LABEL: Readonly<Record<Standard, string>> = {
  scorm12: 'SCORM 1.2',
  'scorm2004-3rd': 'SCORM 2004 3rd Edition',
  'scorm2004-4th': 'SCORM 2004 4th Edition',
};
/** Short enough for the toolbar; the full name is the option's title and the frame's. */
const STANDARD_SHORT: Readonly<Record<Standard, string>> = {
  scorm12: 'SCORM 1.2',
  'scorm2004-3rd': 'SCORM 2004 3rd',
  'scorm2004-4th': 'SCORM 2004 4th',
};
const DEVICES = ['desktop', 'tablet', 'phone'] as const;
type Device = (typeof DEVICES)[number];
const DEVICE_LABEL: Readonly<Record<Device, string>> = {
  desktop: 'Desktop (full width)',
  tablet: 'Tablet (768 px)',
  phone: 'Phone (375 px)',
};

const DEVICE_SHORT: Readonly<Record<Device, string>> = { desktop: 'Desktop', tablet: 'Tablet', phone: 'Phone' };

interface LmsLog {
  readonly address: string | null;
  readonly calls: readonly LmsCall[];
  readonly model: Readonly<Record<string, string>>;
  readonly held: Readonly<Record<string, string>>;
  readonly closed: boolean;
  readonly sessionNote: string | null;
}
const EMPTY_LOG: Omit<LmsLog, 'address'> = { calls: [], model: {}, held: {}, closed: false, sessionNote: null };

/** What the package on screen was built from. */
interface Built {
  readonly course: Course;
  readonly standard: Standard;
  readonly restarts: number;
}
/** The attempt on screen: what its LMS reported, and for which learner. */
interface Attempt {
  readonly log: Omit<LmsLog, 'address'>;
  readonly personaId: string;
}
/** A preview left for an editor, per document: what it showed, so it comes back at the same place. */
interface KeptPreview {
  readonly standard: Standard;
  readonly personaId: string;
  readonly startAt: StartAt;
  readonly restarts: number;
  readonly device: Device;
  readonly display: PreviewDisplay;
  readonly tab: 'xray' | 'compare' | 'lms';
  readonly built: Built | null;
  readonly attempt: Attempt;
}
const keptPreviews = new Map<string, KeptPreview>();

/** Edits are gathered this long before the package is built again. */
const REBUILD_AFTER_MS = 800;

/** The course as learners get it: the package export writes, run against scorm-again in a sandboxed frame. */
export function PreviewView({ context }: { context: EditorContext }): ReactNode {
  const { client } = useBackend();
  const { course, path } = context;
  // Back from an editor, the preview comes back as it was left: same learner, LMS, device and place.
  const [kept] = useState(() => keptPreviews.get(path));
  const [standard, setStandard] = useState<Standard>(kept?.standard ?? 'scorm2004-4th');
  const [personaId, setPersonaId] = useState(kept?.personaId ?? '');
  const [startAt, setStartAt] = useState<StartAt>(kept?.startAt ?? '');
  const [restarts, setRestarts] = useState(kept?.restarts ?? 0);
  const [url, setUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [log, setLog] = useState<LmsLog>({ address: null, ...EMPTY_LOG });
  const [reporting, setReporting] = useState(false);
  const [device, setDevice] = useState<Device>(kept?.device ?? 'desktop');
  const [display, setDisplay] = useState<PreviewDisplay>(
    kept?.display ?? { dark: false, reducedMotion: false, captions: false },
  );
  const [tab, setTab] = useState<'xray' | 'compare' | 'lms'>(kept?.tab ?? 'xray');
  const [openNote, setOpenNote] = useState<PlayerNote | null>(null);
  const [autopilotNote, setAutopilotNote] = useState<PlayerNote | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const index = useMemo(() => indexCourse(course), [course]);
  const persona = course.personas.find((p) => p.id === personaId);
  /** What the package on screen was built from: an edit's rebuild carries the learner's place over. */
  const built = useRef<Built | null>(kept?.built ?? null);
  /** The place a rebuilt package resumes at, for the learner who was previewed when it was rebuilt. */
  const [carried, setCarried] = useState<{ url: string; personaId: string; place: CarriedPlace } | null>(null);
  const attempt = useRef<Attempt>(kept?.attempt ?? { log: EMPTY_LOG, personaId });

  // The package is built again after edits (debounced) and on restart; the frame starts a new attempt.
  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(
      () => {
        void client.invoke('preview.open', { path, standard }).then((result) => {
          if (!live) return;
          if (result.ok) {
            const before = built.current;
            const { log: last, personaId: learner } = attempt.current;
            // An edit (or coming back from an editor) keeps the place: a restart or another LMS starts a new attempt.
            const place =
              before && before.standard === standard && before.restarts === restarts
                ? carryOver(
                    indexCourse(before.course),
                    indexCourse(course),
                    last.closed ? last.held : last.model,
                    standard === 'scorm12',
                  )
                : null;
            built.current = { course, standard, restarts };
            setCarried(place ? { url: result.value.url, personaId: learner, place } : null);
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

  const resumed = carried && carried.url === url && carried.personaId === personaId ? carried.place : null;
  const starts = useMemo(() => startOptions(index, persona), [index, persona]);
  // A place the edited course no longer has for this learner falls back to the beginning.
  const start = starts.some((o) => o.value === startAt) ? startAt : '';
  const startsWith = useMemo(
    () => (persona ? startLaunch(index, persona, start, standard === 'scorm12') : undefined),
    [index, persona, start, standard],
  );
  const address = url
    ? lmsPageAddress(url, {
        standard,
        studioOrigin: window.location.origin,
        persona,
        title: course.title,
        display,
        resume: resumed?.launch ?? startsWith,
      })
    : null;
  // A new address is a new attempt: the previous attempt's calls are not shown against it.
  const current = log.address === address ? log : EMPTY_LOG;
  useEffect(() => {
    // An attempt that has not called the LMS yet holds nothing: the one before it keeps the place to carry.
    if (current.calls.length) attempt.current = { log: current, personaId };
  });
  const settings = { standard, personaId, startAt, restarts, device, display, tab };
  const latestSettings = useRef(settings);
  useEffect(() => {
    latestSettings.current = settings;
  });
  useEffect(
    () => () => {
      keptPreviews.set(path, { ...latestSettings.current, built: built.current, attempt: attempt.current });
    },
    [path],
  );
  const [misbehaviour, setMisbehaviour] = useState<LmsMisbehaviour>({ failCommits: false, dropRepeats: false });
  const misbehaviourRef = useRef(misbehaviour);
  useEffect(() => {
    misbehaviourRef.current = misbehaviour;
  }, [misbehaviour]);

  const tell = (message: StudioToLms) => {
    // Only the LMS page's own origin may read what the studio asks of it.
    if (address) frame.current?.contentWindow?.postMessage(message, new URL(address).origin);
  };
  /** The placement test answered as the persona would (its answer profile, else its prior knowledge). */
  const autopilot = (all: boolean) => {
    if (!persona) return;
    setAutopilotNote(null);
    const answers = Object.fromEntries(
      course.questions.map((q) => [q.id, personaAnswer(course, persona, q, 'placement')]),
    );
    tell({
      source: 'tailor-studio',
      kind: 'player',
      request: { source: 'tailor-preview-lms', kind: 'autopilot', answers, needs: persona.needs, all },
    });
  };
  const simulation: LmsSimulation = {
    misbehaviour,
    onMisbehave: (next) => {
      setMisbehaviour(next);
      tell({ source: 'tailor-studio', kind: 'misbehave', ...next });
    },
    onClose: () => tell({ source: 'tailor-studio', kind: 'close' }),
    onRelaunch: () => tell({ source: 'tailor-studio', kind: 'relaunch' }),
    closed: current.closed,
    sessionNote: current.sessionNote,
  };

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      // Only the LMS page in our own frame, from the preview's origin, is heard.
      if (!address || event.source !== frame.current?.contentWindow || event.origin !== new URL(address).origin) return;
      const message = asLmsMessage(event.data);
      if (!message) return;
      // A new LMS page starts well behaved: it is told what the designer switched on.
      if (message.kind === 'ready')
        frame.current?.contentWindow?.postMessage(
          { source: 'tailor-studio', kind: 'misbehave', ...misbehaviourRef.current } satisfies StudioToLms,
          event.origin,
        );
      if (message.kind === 'player') {
        if (message.reply.kind === 'open') setOpenNote(message.reply);
        else setAutopilotNote(message.reply);
        return;
      }
      setLog((prev) => {
        const base = prev.address === address ? prev : { address, ...EMPTY_LOG };
        if (message.kind === 'call')
          return { ...base, calls: [...base.calls, message.call], model: message.model, held: message.held };
        if (message.kind === 'session')
          return { ...base, closed: message.event === 'closed', sessionNote: message.text };
        return base;
      });
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [address]);

  return (
    <div className="preview">
      <header className="preview-toolbar">
        <H2 className="preview-title">Preview</H2>
        <LabelledSelect
          className="preview-learner"
          label="Learner"
          value={personaId}
          onChange={(id) => {
            setPersonaId(id);
            setStartAt('');
          }}
          options={[
            { value: '', label: 'Anyone (answers the intake)' },
            ...course.personas.map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <LabelledSelect
          className="preview-start"
          label="Start at"
          value={start}
          onChange={setStartAt}
          options={starts}
          title={
            persona
              ? `Where ${persona.name} starts, with everything before it done as they would`
              : 'Choose a learner to start further in'
          }
        />
        <LabelledSelect
          label="LMS"
          value={standard}
          onChange={setStandard}
          options={STANDARDS.map((s) => ({ value: s, label: STANDARD_SHORT[s], title: STANDARD_LABEL[s] }))}
        />
        <div className="preview-field">
          <span aria-hidden="true">Display</span>
          <Popover
            placement="bottom-start"
            popupKind={PopupKind.DIALOG}
            shouldReturnFocusOnClose
            content={
              <div className="preview-display-panel" role="dialog" aria-label="The learner’s display">
                <LabelledSelect
                  label="Device"
                  value={device}
                  onChange={setDevice}
                  options={DEVICES.map((d) => ({ value: d, label: DEVICE_LABEL[d] }))}
                />
                <div className="preview-display" role="group" aria-label="Learner’s display">
                  <Checkbox
                    label="Dark mode"
                    checked={display.dark}
                    onChange={(e) => setDisplay({ ...display, dark: e.currentTarget.checked })}
                  />
                  <Checkbox
                    label="Reduced motion"
                    checked={display.reducedMotion}
                    onChange={(e) => setDisplay({ ...display, reducedMotion: e.currentTarget.checked })}
                  />
                  <Checkbox
                    label="Captions on"
                    checked={display.captions}
                    onChange={(e) => setDisplay({ ...display, captions: e.currentTarget.checked })}
                  />
                </div>
              </div>
            }
          >
            <Button
              icon={device === 'desktop' ? <Desktop /> : <MobilePhone />}
              endIcon={<CaretDown />}
              text={DEVICE_SHORT[device]}
              aria-label={`Display: ${DEVICE_SHORT[device]}`}
              title="The learner’s device, dark mode, reduced motion and captions"
            />
          </Popover>
        </div>
        <div className="preview-field">
          <span aria-hidden="true">Autopilot</span>
          <div className="preview-run">
            <ButtonGroup role="group" aria-label="Autopilot: answer as the learner">
              <Button
                icon={<StepForward />}
                text="Next"
                aria-label="Next answer"
                disabled={!persona}
                title={
                  persona
                    ? `Next answer: answer the next step as ${persona.name}`
                    : 'Next answer: choose a learner first, the autopilot answers as them'
                }
                onClick={() => autopilot(false)}
              />
              <Button
                icon={<FastForward />}
                text="All"
                aria-label="All answers"
                disabled={!persona}
                title={
                  persona
                    ? `All answers: answer the whole placement test as ${persona.name}`
                    : 'All answers: choose a learner first, the autopilot answers as them'
                }
                onClick={() => autopilot(true)}
              />
            </ButtonGroup>
            <Button
              icon={<Refresh />}
              aria-label="Restart"
              title="Restart: a new attempt from the start"
              onClick={() => setRestarts((n) => n + 1)}
            />
          </div>
        </div>
        <Button
          className="preview-report"
          icon={<Document />}
          aria-label="Review report…"
          title="Review report: every persona’s path and the findings, as one page for a stakeholder"
          onClick={() => setReporting(true)}
        />
        {reporting && <ReviewReportDialog path={path} title={course.title} onClose={() => setReporting(false)} />}
      </header>
      {problem && (
        <Callout intent={Intent.DANGER} title="The preview could not start" role="alert" compact>
          {problem}
        </Callout>
      )}
      {autopilotNote && (
        <Callout
          intent={autopilotNote.ok ? Intent.NONE : Intent.WARNING}
          role="status"
          compact
          className="preview-autopilot-note"
        >
          {autopilotNote.text}
        </Callout>
      )}
      {resumed?.note && (
        <Callout intent={Intent.WARNING} role="status" compact className="preview-carried">
          {resumed.note}
        </Callout>
      )}
      <div className={`preview-body is-${tab}`}>
        <div className={`preview-stage is-${device}`}>
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
            <Tab
              id="xray"
              title="Path"
              panel={
                <PathXray
                  index={index}
                  personaId={personaId}
                  note={openNote}
                  onOpen={(module) => {
                    setOpenNote(null);
                    tell({
                      source: 'tailor-studio',
                      kind: 'player',
                      request: { source: 'tailor-preview-lms', kind: 'open', module },
                    });
                  }}
                  onEdit={(id) => context.select({ kind: 'module', id })}
                />
              }
            />
            <Tab id="compare" title="Side by side" panel={<SideBySide index={index} />} />
            <Tab
              id="lms"
              title={`LMS calls (${current.calls.length})`}
              panel={
                <LmsInspector
                  standard={standard}
                  calls={current.calls}
                  model={current.model}
                  held={current.held}
                  simulation={simulation}
                />
              }
            />
          </Tabs>
        </aside>
      </div>
    </div>
  );
}

/** A select with its visible label, as the preview's toolbar shows them. */
function LabelledSelect<T extends string>({
  label,
  value,
  onChange,
  options,
  className,
  title,
}: {
  readonly label: string;
  readonly value: T;
  readonly onChange: (value: T) => void;
  readonly options: readonly { readonly value: T; readonly label: string; readonly title?: string }[];
  readonly className?: string;
  readonly title?: string;
}): ReactNode {
  const id = useId();
  return (
    <div className={className ? `preview-field ${className}` : 'preview-field'}>
      <label htmlFor={id}>{label}</label>
      <HTMLSelect id={id} value={value} title={title} onChange={(e) => onChange(e.currentTarget.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value} title={o.title}>
            {o.label}
          </option>
        ))}
      </HTMLSelect>
    </div>
  );
}

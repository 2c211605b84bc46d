import {
  Button,
  Callout,
  Classes,
  Dialog,
  DialogBody,
  DialogFooter,
  FormGroup,
  HTMLSelect,
  InputGroup,
  Intent,
  ProgressBar,
} from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import type { ContractError } from '../../../shared/contract';
import { useBackend } from '../app/backend-context';

const STANDARD_LABELS = {
  'scorm2004-4th': 'SCORM 2004 4th Edition',
  'scorm2004-3rd': 'SCORM 2004 3rd Edition',
  scorm12: 'SCORM 1.2',
} as const;
const PROFILE_LABELS = {
  generic: 'Generic',
  moodle: 'Moodle-safe',
  strict: 'Strict (no objectives or interactions)',
} as const;
type StandardKey = keyof typeof STANDARD_LABELS;
type ProfileKey = keyof typeof PROFILE_LABELS;

/** A problem the designer should see before publishing, with where it is in their words. */
export interface PublishProblem {
  readonly severity: 'error' | 'warning' | 'info';
  readonly path: string;
  readonly message: string;
  readonly where: string;
}

export interface PublishDialogProps {
  readonly isOpen: boolean;
  readonly path: string;
  readonly title: string;
  readonly problems?: readonly PublishProblem[];
  /** Opens the editor at the problem's field (the dialog closes). */
  readonly onOpenProblem?: (path: string) => void;
  readonly onClose: () => void;
}

export const safeName = (title: string) => title.replace(/[^\p{L}\p{N} _-]+/gu, '-').trim() || 'course';

/** Publishes a SCORM package with a progress bar; the package is checked before a byte is written. */
export function PublishDialog({ isOpen, path, title, problems = [], onOpenProblem, onClose }: PublishDialogProps) {
  const { client, info } = useBackend();
  const [standard, setStandard] = useState<StandardKey>('scorm2004-4th');
  const [profile, setProfile] = useState<ProfileKey>('generic');
  const [out, setOut] = useState(`${info.documentsDir}/${safeName(title)} (SCORM).zip`);
  const [job, setJob] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<ContractError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The file at `out` exists: the designer decides whether to replace it.
  const [confirmReplace, setConfirmReplace] = useState(false);

  useEffect(() => {
    if (!job) return;
    return client.subscribe('export.progress', (event) => {
      if (event.job === job) setProgress(event.total ? event.done / event.total : 0);
    });
  }, [client, job]);

  async function publish(replace = false) {
    const id = crypto.randomUUID();
    setJob(id);
    setProgress(0);
    setError(null);
    setDone(null);
    setConfirmReplace(false);
    const result = await client.invoke('document.exportScorm', { path, job: id, standard, profile, out, replace });
    setJob(null);
    if (result.ok) setDone(result.value.out);
    else if (result.error.code === 'already-exists' && !replace) setConfirmReplace(true);
    else setError(result.error);
  }
  const shown = problems.filter((p) => p.severity !== 'info');

  const busy = job !== null;
  return (
    <Dialog isOpen={isOpen} onClose={busy ? undefined : onClose} title="Publish for an LMS" canEscapeKeyClose={!busy}>
      <DialogBody>
        {error && (
          <Callout intent={Intent.DANGER} title="The package was not written" role="alert">
            {error.message}
          </Callout>
        )}
        {confirmReplace && (
          <Callout intent={Intent.WARNING} title="Replace the existing file?" role="alert">
            <p>
              <code>{out}</code> already exists. Replace it with the new package, or choose another name below.
            </p>
            <Button intent={Intent.WARNING} text="Replace" onClick={() => void publish(true)} />{' '}
            <Button text="Keep it" onClick={() => setConfirmReplace(false)} />
          </Callout>
        )}
        {shown.length > 0 && !done && (
          <Callout
            intent={shown.some((p) => p.severity === 'error') ? Intent.DANGER : Intent.WARNING}
            title={shown.length === 1 ? 'One thing to check first' : `${shown.length} things to check first`}
            className="publish-problems"
          >
            <ul className="publish-problem-list">
              {shown.slice(0, 8).map((problem, i) => (
                <li key={`${problem.path}:${i}`}>
                  <button type="button" className="problem-link" onClick={() => onOpenProblem?.(problem.path)}>
                    <span>
                      <span className="problem-message">{problem.message}</span>
                      <span className={`${Classes.TEXT_MUTED} problem-where`}>{problem.where}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            {shown.length > 8 && <p>…and {shown.length - 8} more in the Problems panel.</p>}
          </Callout>
        )}
        {done && (
          <Callout intent={Intent.SUCCESS} title="Published" role="status">
            Saved to <code>{done}</code>. Upload it to your LMS as a SCORM package.
          </Callout>
        )}
        <FormGroup
          label="Standard"
          labelFor="publish-standard"
          helperText="Ask your LMS team which one it expects; 2004 4th Edition stores the most."
        >
          <HTMLSelect
            id="publish-standard"
            value={standard}
            disabled={busy}
            onChange={(e) => setStandard(e.currentTarget.value as StandardKey)}
            fill
          >
            {Object.entries(STANDARD_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </HTMLSelect>
        </FormGroup>
        <FormGroup label="LMS profile" labelFor="publish-profile">
          <HTMLSelect
            id="publish-profile"
            value={profile}
            disabled={busy}
            onChange={(e) => setProfile(e.currentTarget.value as ProfileKey)}
            fill
          >
            {Object.entries(PROFILE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </HTMLSelect>
        </FormGroup>
        <FormGroup label="Save as" labelFor="publish-out">
          <InputGroup
            id="publish-out"
            value={out}
            disabled={busy}
            onValueChange={(value) => {
              setOut(value);
              setConfirmReplace(false);
            }}
          />
        </FormGroup>
        {busy && <ProgressBar value={progress} intent={Intent.PRIMARY} aria-label="Publishing progress" />}
      </DialogBody>
      <DialogFooter
        actions={
          busy ? (
            <Button text="Cancel" onClick={() => job && void client.invoke('export.cancel', { job })} />
          ) : (
            <>
              <Button text="Close" onClick={onClose} />
              <Button intent={Intent.PRIMARY} text="Publish" onClick={() => void publish()} />
            </>
          )
        }
      />
    </Dialog>
  );
}

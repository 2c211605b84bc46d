import { Button, Callout, Dialog, DialogBody, DialogFooter, FormGroup, InputGroup, Intent } from '@blueprintjs/core';
import { useState, type FormEvent } from 'react';
import type { ContractError, CourseSummary } from '../../../shared/contract';
import { useBackend } from '../app/backend-context';
import { fieldErrors } from '../app/field-errors';

/** A `.tailor` document; anything else typed here is taken as a portable course folder. */
export const isCourseFile = (path: string) => /\.tailor$/i.test(path);

export interface OpenCourseDialogProps {
  readonly isOpen: boolean;
  readonly onClose: () => void;
  readonly onOpened: (course: CourseSummary) => void;
}

/**
 * Where there is no native file picker (browser mode), the designer types the path. A folder (a
 * portable course: course.json + assets/) is imported into a new document instead of failing.
 */
export function OpenCourseDialog({ isOpen, onClose, onOpened }: OpenCourseDialogProps) {
  const { client } = useBackend();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const { byField, general } = fieldErrors(error, ['path']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const trimmed = path.trim();
    const result = isCourseFile(trimmed)
      ? await client.invoke('course.open', { path: trimmed })
      : await client.invoke('document.importPortable', { folder: trimmed.replace(/[\\/]course\.json$/, '') });
    setBusy(false);
    if (result.ok) onOpened(result.value);
    else setError(result.error);
  }

  return (
    <Dialog isOpen={isOpen} onClose={onClose} title="Open a course">
      <form onSubmit={submit} aria-label="Open a course">
        <DialogBody>
          {general && (
            <Callout intent={Intent.DANGER} title="The course did not open" role="alert">
              {general}
            </Callout>
          )}
          <FormGroup
            label="Path of the .tailor file or course folder"
            labelFor="open-course-path"
            intent={byField.path ? Intent.DANGER : Intent.NONE}
            helperText={
              byField.path ??
              'A full path, or a name inside your courses folder. A folder with course.json is imported.'
            }
          >
            <InputGroup id="open-course-path" autoFocus value={path} onValueChange={setPath} />
          </FormGroup>
        </DialogBody>
        <DialogFooter
          actions={
            <>
              <Button text="Cancel" onClick={onClose} disabled={busy} />
              <Button type="submit" intent={Intent.PRIMARY} text="Open" loading={busy} />
            </>
          }
        />
      </form>
    </Dialog>
  );
}

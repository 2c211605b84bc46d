import { Button, Callout, Dialog, DialogBody, DialogFooter, FormGroup, InputGroup, Intent } from '@blueprintjs/core';
import { FolderOpen } from '@blueprintjs/icons';
import { useState, type FormEvent } from 'react';
import type { ContractError, CourseSummary } from '../../../shared/contract';
import { useBackend } from '../app/backend-context';
import { fieldErrors } from '../app/field-errors';

export interface NewCourseDialogProps {
  readonly isOpen: boolean;
  readonly onClose: () => void;
  readonly onCreated: (course: CourseSummary) => void;
}

export function NewCourseDialog({ isOpen, onClose, onCreated }: NewCourseDialogProps) {
  const { client, info } = useBackend();
  const [title, setTitle] = useState('');
  const [folder, setFolder] = useState(info.documentsDir);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const { byField, general } = fieldErrors(error, ['title', 'folder']);

  async function chooseFolder() {
    const result = await client.invoke('platform.pickFolder', { title: 'Where should the course be saved?' });
    if (result.ok && result.value.path) setFolder(result.value.path);
    else if (!result.ok) setError(result.error);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await client.invoke('course.create', { title, folder });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setTitle('');
    onCreated(result.value);
  }

  return (
    <Dialog isOpen={isOpen} onClose={onClose} title="New course" canOutsideClickClose={!busy}>
      <form onSubmit={submit} aria-label="New course">
        <DialogBody>
          {general && (
            <Callout intent={Intent.DANGER} title="The course was not created" role="alert">
              {general}
            </Callout>
          )}
          <FormGroup
            label="Title"
            labelFor="new-course-title"
            intent={byField.title ? Intent.DANGER : Intent.NONE}
            helperText={byField.title ?? 'Learners see this title in their LMS.'}
          >
            <InputGroup
              id="new-course-title"
              autoFocus
              value={title}
              placeholder="e.g. Purchase approvals for buyers"
              intent={byField.title ? Intent.DANGER : Intent.NONE}
              onValueChange={setTitle}
            />
          </FormGroup>
          <FormGroup
            label="Folder"
            labelFor="new-course-folder"
            intent={byField.folder ? Intent.DANGER : Intent.NONE}
            helperText={byField.folder ?? 'The course is saved there as one .tailor file you can copy or share.'}
          >
            <InputGroup
              id="new-course-folder"
              value={folder}
              intent={byField.folder ? Intent.DANGER : Intent.NONE}
              onValueChange={setFolder}
              rightElement={
                info.capabilities.pickFolder ? (
                  <Button variant="minimal" icon={<FolderOpen />} text="Choose…" onClick={chooseFolder} />
                ) : undefined
              }
            />
          </FormGroup>
        </DialogBody>
        <DialogFooter
          actions={
            <>
              <Button text="Cancel" onClick={onClose} disabled={busy} />
              <Button type="submit" intent={Intent.PRIMARY} text="Create course" loading={busy} />
            </>
          }
        />
      </form>
    </Dialog>
  );
}

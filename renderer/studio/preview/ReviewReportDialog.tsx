import { Button, Callout, Dialog, DialogBody, DialogFooter, FormGroup, InputGroup, Intent } from '@blueprintjs/core';
import { useState, type ReactNode } from 'react';
import { useBackend } from '../app/backend-context';
import { safeName } from '../course/PublishDialog';

/** Writes the review report (one self-contained HTML page) where the designer says, replacing only when asked. */
export function ReviewReportDialog({
  path,
  title,
  onClose,
}: {
  path: string;
  title: string;
  onClose: () => void;
}): ReactNode {
  const { client, info } = useBackend();
  const [out, setOut] = useState(`${info.documentsDir}/${safeName(title)} (review).html`);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);

  async function write(replace = false) {
    setBusy(true);
    setProblem(null);
    setDone(null);
    const result = await client.invoke('preview.report', { path, out, replace });
    setBusy(false);
    setConfirmReplace(false);
    if (result.ok) setDone(result.value.out);
    else if (result.error.code === 'already-exists' && !replace) setConfirmReplace(true);
    else setProblem(result.error.message);
  }

  return (
    <Dialog isOpen onClose={onClose} title="Write the review report">
      <DialogBody>
        <p>
          One page for the people who sign off: the course, every persona’s path and why, the side-by-side table and
          what the proof found. It opens in any browser, offline, and prints.
        </p>
        {problem && (
          <Callout intent={Intent.DANGER} title="The report was not written" role="alert">
            {problem}
          </Callout>
        )}
        {confirmReplace && (
          <Callout intent={Intent.WARNING} title="Replace the existing file?" role="alert">
            <p>
              <code>{out}</code> already exists. Replace it, or choose another name below.
            </p>
            <Button intent={Intent.WARNING} text="Replace" onClick={() => void write(true)} />
          </Callout>
        )}
        {done && (
          <Callout intent={Intent.SUCCESS} title="Report written" role="status">
            Saved to <code>{done}</code>. Send it to your reviewers; it needs no Tailor.
          </Callout>
        )}
        <FormGroup label="Save as" labelFor="review-out">
          <InputGroup
            id="review-out"
            value={out}
            disabled={busy}
            onValueChange={(value) => {
              setOut(value);
              setConfirmReplace(false);
            }}
          />
        </FormGroup>
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text="Close" onClick={onClose} />
            <Button intent={Intent.PRIMARY} text="Write report" loading={busy} onClick={() => void write()} />
          </>
        }
      />
    </Dialog>
  );
}

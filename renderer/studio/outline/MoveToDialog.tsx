import { Button, Dialog, DialogBody, DialogFooter, FormGroup, HTMLSelect, Intent } from '@blueprintjs/core';
import { memo, useState } from 'react';
import type { Course } from '../../../shared/model';
import { moveLessonsTo, moveModulesTo, type OutlineAction, type OutlineItem } from './outline-edits';

export interface MoveToDialogProps {
  readonly course: Course;
  /** What to move (all modules or all lessons); null when closed. */
  readonly items: readonly OutlineItem[] | null;
  readonly onClose: () => void;
  readonly onMove: (action: OutlineAction) => void;
}

/** "Move to…": the keyboard and menu way to do what dragging does, for any distance. */
export const MoveToDialog = memo(MoveToDialogView, (a, b) => a.items === null && b.items === null);

function MoveToDialogView({ course, items: open, onClose, onMove }: MoveToDialogProps) {
  // While it closes, the dialog keeps showing what it was opened for.
  const [last, setLast] = useState(open);
  if (open && open !== last) setLast(open);
  const items = open ?? last;
  const lessons = items?.every((i) => i.kind === 'lesson') ?? false;
  const [target, setTarget] = useState('');
  const options = lessons
    ? course.modules.map((m) => ({ value: m.id, label: `End of “${m.title}”` }))
    : [
        ...course.modules.map((m, i) => ({ value: String(i), label: `Before “${m.title}”` })),
        { value: String(course.modules.length), label: 'At the end' },
      ];
  const chosen = target || options[0]?.value || '';
  const submit = () => {
    if (!items) return;
    const action = lessons
      ? moveLessonsTo(
          course,
          items.flatMap((i) => (i.kind === 'lesson' ? [i] : [])),
          chosen,
          course.modules.find((m) => m.id === chosen)?.lessons.length ?? 0,
        )
      : moveModulesTo(
          course,
          items.flatMap((i) => (i.kind === 'module' ? [i] : [])),
          Number(chosen),
        );
    onClose();
    if (action) onMove(action);
  };
  const what =
    items?.length === 1 ? (lessons ? 'lesson' : 'module') : `${items?.length ?? 0} ${lessons ? 'lessons' : 'modules'}`;
  return (
    <Dialog isOpen={open !== null} onClose={onClose} title={`Move ${what}`} onOpening={() => setTarget('')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <DialogBody>
          <FormGroup label="Move to" labelFor="move-to-target">
            <HTMLSelect
              id="move-to-target"
              autoFocus
              fill
              value={chosen}
              onChange={(event) => setTarget(event.currentTarget.value)}
              options={options}
            />
          </FormGroup>
        </DialogBody>
        <DialogFooter
          actions={
            <>
              <Button text="Cancel" onClick={onClose} />
              <Button type="submit" intent={Intent.PRIMARY} text="Move" />
            </>
          }
        />
      </form>
    </Dialog>
  );
}

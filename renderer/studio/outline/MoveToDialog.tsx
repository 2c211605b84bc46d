import { Button, Dialog, DialogBody, DialogFooter, FormGroup, HTMLSelect, Intent } from '@blueprintjs/core';
import { useState } from 'react';
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
export function MoveToDialog({ course, items, onClose, onMove }: MoveToDialogProps) {
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
    <Dialog isOpen={items !== null} onClose={onClose} title={`Move ${what}`} onOpening={() => setTarget('')}>
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

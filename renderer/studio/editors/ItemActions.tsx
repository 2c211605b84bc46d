import { Button, ButtonGroup } from '@blueprintjs/core';
import { ArrowDown, ArrowUp, Trash } from '@blueprintjs/icons';

interface ItemActionsProps {
  /** What the buttons act on, for their accessible names ("Move "Approvals" up"). */
  readonly name: string;
  readonly index: number;
  readonly count: number;
  readonly disabled?: boolean;
  readonly onMove: (to: number) => void;
  readonly onRemove: () => void;
  /** Why removing is refused, when it is (shown as the button's title). */
  readonly removeBlockedBy?: string;
}

/** Up, down and remove for one item of a list; Alt+↑/↓ on the item does the same (see useMoveKeys). */
export function ItemActions({ name, index, count, disabled, onMove, onRemove, removeBlockedBy }: ItemActionsProps) {
  return (
    <ButtonGroup variant="minimal" className="item-actions">
      <Button
        icon={<ArrowUp />}
        aria-label={`Move "${name}" up`}
        title="Move up (Alt+↑)"
        disabled={disabled || index === 0}
        onClick={() => onMove(index - 1)}
      />
      <Button
        icon={<ArrowDown />}
        aria-label={`Move "${name}" down`}
        title="Move down (Alt+↓)"
        disabled={disabled || index === count - 1}
        onClick={() => onMove(index + 1)}
      />
      <Button
        icon={<Trash />}
        className="item-remove"
        aria-label={`Remove "${name}"`}
        title={removeBlockedBy ?? 'Remove'}
        disabled={disabled || removeBlockedBy !== undefined}
        onClick={onRemove}
      />
    </ButtonGroup>
  );
}

/** Alt+↑ / Alt+↓ inside an item moves it, the way the outline does. */
export function moveKeys(index: number, count: number, onMove: (to: number) => void) {
  return (event: React.KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const to = event.key === 'ArrowUp' ? index - 1 : index + 1;
    if (to < 0 || to >= count) return;
    event.preventDefault();
    onMove(to);
  };
}

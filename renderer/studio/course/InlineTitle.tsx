import { InputGroup } from '@blueprintjs/core';
import { memo, useState } from 'react';

export interface InlineTitleProps {
  readonly value: string;
  readonly label: string;
  readonly disabled?: boolean;
  readonly large?: boolean;
  /** Called with the trimmed new text when the designer confirms a real change. */
  readonly onCommit: (value: string) => void;
}

/**
 * A title that reads like text and edits in place: a real labelled input (so screen readers and
 * tests can reach it), committed on Enter or leaving the field, abandoned with Escape.
 */
export const InlineTitle = memo(function InlineTitle({ value, label, disabled, large, onCommit }: InlineTitleProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    const text = draft?.trim();
    setDraft(null);
    if (text && text !== value) onCommit(text);
  };
  return (
    <InputGroup
      className={`inline-title${large ? ' inline-title-large' : ''}`}
      aria-label={label}
      value={draft ?? value}
      disabled={disabled}
      size={large ? 'large' : 'medium'}
      onValueChange={setDraft}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
        if (event.key === 'Escape') {
          setDraft(null);
          event.currentTarget.blur();
        }
      }}
    />
  );
});

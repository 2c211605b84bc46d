import {
  Button,
  Classes,
  FormGroup,
  InputGroup,
  Intent,
  MenuItem,
  Switch,
  type InputGroupProps,
} from '@blueprintjs/core';
import { Add, CaretDown } from '@blueprintjs/icons';
import { MultiSelect, Select, type ItemPredicate, type ItemRenderer } from '@blueprintjs/select';
import { useEffect, useId, useRef, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import type { Segment } from '../../../shared/ops';
import type { Editing } from './editing';

interface FieldProps {
  readonly label: ReactNode;
  readonly inputId: string;
  readonly error?: string;
  readonly helper?: ReactNode;
  readonly children: ReactNode;
  readonly className?: string;
}

/** A labelled field with the model's message beneath it when a value was refused. */
export function Field({ label, inputId, error, helper, children, className }: FieldProps) {
  return (
    <FormGroup
      className={className}
      label={label}
      labelFor={inputId}
      intent={error ? Intent.DANGER : Intent.NONE}
      helperText={
        error ? (
          <span id={`${inputId}-error`} role="alert">
            {error}
          </span>
        ) : (
          helper
        )
      }
    >
      {children}
    </FormGroup>
  );
}

/** `data-path` on an input: where Findings and Publish point (see dataPathOf). */
const pathAttr = (path: string): { readonly 'data-path': string } => ({ 'data-path': path });

interface TextFieldProps {
  readonly editing: Editing;
  readonly label: string;
  readonly path: readonly Segment[];
  readonly value: string;
  readonly editLabel: string;
  readonly multiline?: boolean;
  readonly placeholder?: string;
  readonly helper?: ReactNode;
  /** An empty value clears an optional field instead of storing "". */
  readonly optional?: boolean;
  readonly className?: string;
  readonly inputProps?: Partial<InputGroupProps>;
}

/** Text bound to one place in the course: every keystroke is an edit (typing merges into one undo step). */
export function TextField(props: TextFieldProps) {
  const { editing, label, path, value, editLabel, multiline, placeholder, helper, optional, className } = props;
  const id = useId();
  const dataPath = editing.pathOf(path);
  const error = editing.messageAt(dataPath, label);
  const [draft, setDraft] = useState<string | null>(null);
  const focused = useRef(false);
  const shown = draft ?? value;
  // The studio draws a keystroke's edit after the frame that shows it: a field left before that keeps its draft
  // until the course has caught up, so it never shows the old text for a frame.
  useEffect(() => {
    if (!focused.current && draft !== null && draft === value) setDraft(null);
  }, [draft, value]);
  const leave = () => {
    focused.current = false;
    if (!error && draft === value) setDraft(null);
  };
  const change = (text: string) => {
    setDraft(text);
    editing.run({ kind: 'set', path: [...path], value: optional && text.trim() === '' ? undefined : text }, editLabel, {
      merge: dataPath,
      fieldLabel: label,
      // The field shows its own draft, so the studio may catch up after the frame that shows the key.
      later: true,
    });
  };
  const common = {
    id,
    value: shown,
    placeholder,
    disabled: !editing.editable,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    ...pathAttr(dataPath),
  };
  return (
    <Field label={label} inputId={id} error={error} helper={helper} className={className}>
      {multiline ? (
        // A plain text area with Blueprint's classes: Blueprint's measures its height (a forced layout) when it
        // mounts and on every keystroke, and this one grows through CSS.
        <textarea
          {...common}
          className={`${Classes.INPUT} ${Classes.TEXT_AREA} ${Classes.FILL} ${Classes.intentClass(error ? Intent.DANGER : Intent.NONE) ?? ''} grows-with-text`}
          onChange={(e) => change(e.target.value)}
          onFocus={() => (focused.current = true)}
          onBlur={leave}
        />
      ) : (
        <InputGroup
          {...common}
          {...props.inputProps}
          intent={error ? Intent.DANGER : Intent.NONE}
          onValueChange={change}
          onFocus={() => (focused.current = true)}
          onBlur={leave}
        />
      )}
    </Field>
  );
}

interface NumberFieldProps {
  readonly editing: Editing;
  readonly label: string;
  readonly path: readonly Segment[];
  readonly value: number | undefined;
  readonly editLabel: string;
  /** Shown value = stored value × scale (100 for a percentage of a 0–1 score). */
  readonly scale?: number;
  readonly unit?: string;
  readonly min?: number;
  readonly max?: number;
  readonly optional?: boolean;
  readonly helper?: ReactNode;
  readonly className?: string;
}

/** A number bound to the course; what the model refuses stays in the box with its message. */
export function NumberField(props: NumberFieldProps) {
  const { editing, label, path, value, editLabel, scale = 1, unit, min, max, optional, helper, className } = props;
  const id = useId();
  const dataPath = editing.pathOf(path);
  const [draft, setDraft] = useState<string | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const error = local ?? editing.messageAt(dataPath, label);
  const shown = draft ?? (value === undefined ? '' : String(Math.round(value * scale * 1000) / 1000));
  const change = (text: string) => {
    setDraft(text);
    if (text.trim() === '') {
      if (optional) {
        setLocal(null);
        editing.run({ kind: 'set', path: [...path], value: undefined }, editLabel, { merge: dataPath });
      } else setLocal(`${label} must not be empty.`);
      return;
    }
    const n = Number(text);
    if (!Number.isFinite(n)) return setLocal(`${label} must be a number.`);
    if (min !== undefined && n < min) return setLocal(`${label} must be at least ${min}${unit ?? ''}.`);
    if (max !== undefined && n > max) return setLocal(`${label} must be at most ${max}${unit ?? ''}.`);
    setLocal(null);
    editing.run({ kind: 'set', path: [...path], value: n / scale }, editLabel, { merge: dataPath, fieldLabel: label });
  };
  return (
    <Field label={label} inputId={id} error={error} helper={helper} className={className}>
      {/* The unit sits over the box's right end through CSS: as Blueprint's right element it is measured (a forced
          layout) whenever the field mounts. */}
      <div className={unit ? 'number-with-unit' : undefined}>
        <InputGroup
          id={id}
          className="number-field"
          type="number"
          inputMode="decimal"
          value={shown}
          min={min}
          max={max}
          disabled={!editing.editable}
          intent={error ? Intent.DANGER : Intent.NONE}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onValueChange={change}
          onBlur={() => !error && setDraft(null)}
          {...pathAttr(dataPath)}
        />
        {unit && <span className={`${Classes.TEXT_MUTED} field-unit`}>{unit}</span>}
      </div>
    </Field>
  );
}

interface SwitchFieldProps {
  readonly editing: Editing;
  readonly label: string;
  readonly path: readonly Segment[];
  readonly value: boolean;
  readonly editLabel: string;
  readonly helper?: ReactNode;
}

export function SwitchField({ editing, label, path, value, editLabel, helper }: SwitchFieldProps) {
  const dataPath = editing.pathOf(path);
  return (
    <div className="switch-field">
      <Switch
        label={label}
        checked={value}
        disabled={!editing.editable}
        onChange={(e) => editing.run({ kind: 'set', path: [...path], value: e.currentTarget.checked }, editLabel)}
        inputRef={(el) => el?.setAttribute('data-path', dataPath)}
      />
      {helper && <p className={`${Classes.TEXT_MUTED} field-helper`}>{helper}</p>}
    </div>
  );
}

/** Something of the course a picker offers: shown by its name, stored by its id. */
export interface Named {
  readonly id: string;
  readonly name: string;
  readonly detail?: string;
}

const byName: ItemPredicate<Named> = (query, item) =>
  `${item.name} ${item.detail ?? ''}`.toLowerCase().includes(query.trim().toLowerCase());

interface NamesPickerProps {
  readonly label: string;
  readonly dataPath: string;
  readonly options: readonly Named[];
  readonly selected: readonly string[];
  readonly onChange: (ids: string[]) => void;
  readonly disabled?: boolean;
  readonly placeholder?: string;
  readonly helper?: ReactNode;
  readonly error?: string;
  /** Lets the designer add a new entry by typing its name (e.g. a role). */
  readonly create?: (query: string) => Named;
}

/** Several of the course's own things, by name (competencies taught, roles, questions of a bank). */
export function NamesPicker(props: NamesPickerProps) {
  const { label, dataPath, options, selected, onChange, disabled, placeholder, helper, error, create } = props;
  const id = useId();
  const chosen = selected.map((s) => options.find((o) => o.id === s) ?? { id: s, name: s });
  const toggle = (item: Named) =>
    onChange(selected.includes(item.id) ? selected.filter((s) => s !== item.id) : [...selected, item.id]);
  const renderItem: ItemRenderer<Named> = (item, { handleClick, handleFocus, modifiers, ref }) =>
    modifiers.matchesPredicate ? (
      <MenuItem
        key={item.id}
        ref={ref}
        text={item.name}
        label={item.detail}
        active={modifiers.active}
        disabled={modifiers.disabled}
        roleStructure="listoption"
        selected={selected.includes(item.id)}
        onClick={handleClick}
        onFocus={handleFocus}
      />
    ) : null;
  return (
    <Field label={label} inputId={id} error={error} helper={helper}>
      <MultiSelect<Named>
        items={[...options]}
        selectedItems={chosen}
        itemRenderer={renderItem}
        itemPredicate={byName}
        tagRenderer={(item) => item.name}
        onItemSelect={toggle}
        onRemove={(item) => onChange(selected.filter((s) => s !== item.id))}
        disabled={disabled}
        fill
        resetOnSelect
        placeholder={placeholder ?? 'Search…'}
        noResults={<MenuItem disabled text="Nothing matches" roleStructure="listoption" />}
        createNewItemFromQuery={create}
        createNewItemRenderer={
          create
            ? (query, active, handleClick) => (
                <MenuItem
                  key="create"
                  icon={<Add />}
                  text={`Add "${query}"`}
                  active={active}
                  roleStructure="listoption"
                  onClick={handleClick}
                />
              )
            : undefined
        }
        tagInputProps={{
          inputProps: { id, 'aria-label': label, ...pathAttr(dataPath) } as InputHTMLAttributes<HTMLInputElement>,
          tagProps: { minimal: true },
        }}
        popoverProps={{ minimal: true, matchTargetWidth: true }}
        menuProps={{ 'aria-label': label }}
      />
    </Field>
  );
}

interface NamePickerProps {
  readonly label: string;
  readonly dataPath: string;
  readonly options: readonly Named[];
  readonly value: string | undefined;
  readonly onChange: (id: string | undefined) => void;
  readonly disabled?: boolean;
  readonly placeholder: string;
  /** Offers "None" to clear an optional reference. */
  readonly clearable?: boolean;
  readonly helper?: ReactNode;
  readonly error?: string;
}

const NONE: Named = { id: '', name: 'None' };

/** One of the course's own things, by name (a question, a competency, a level, an image). */
export function NamePicker(props: NamePickerProps) {
  const { label, dataPath, options, value, onChange, disabled, placeholder, clearable, helper, error } = props;
  const id = useId();
  const current = options.find((o) => o.id === value);
  const items = clearable ? [NONE, ...options] : [...options];
  const shownName = current ? current.name : value ? `${value.replace(/^assets\//, '')} (missing)` : placeholder;
  const renderItem: ItemRenderer<Named> = (item, { handleClick, handleFocus, modifiers, ref }) =>
    modifiers.matchesPredicate ? (
      <MenuItem
        key={item.id || 'none'}
        ref={ref}
        text={item.name}
        label={item.detail}
        active={modifiers.active}
        roleStructure="listoption"
        selected={item.id === (value ?? '')}
        onClick={handleClick}
        onFocus={handleFocus}
      />
    ) : null;
  return (
    <Field label={label} inputId={id} error={error} helper={helper}>
      <Select<Named>
        items={items}
        itemRenderer={renderItem}
        itemPredicate={byName}
        onItemSelect={(item) => onChange(item.id || undefined)}
        disabled={disabled}
        filterable={options.length > 6}
        inputProps={{ 'aria-label': `Search ${label.toLowerCase()}` }}
        noResults={<MenuItem disabled text="Nothing matches" roleStructure="listoption" />}
        popoverProps={{ minimal: true }}
        popoverTargetProps={{ 'aria-label': label } as React.HTMLAttributes<HTMLElement>}
        menuProps={{ 'aria-label': label }}
      >
        <Button
          id={id}
          className="name-picker"
          alignText="start"
          endIcon={<CaretDown />}
          text={shownName}
          aria-label={`${label}: ${shownName}`}
          disabled={disabled}
          {...pathAttr(dataPath)}
        />
      </Select>
    </Field>
  );
}

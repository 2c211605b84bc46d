import { Card, Classes, H2, H3, InputGroup, Switch } from '@blueprintjs/core';
import { useId, useState } from 'react';
import type { EditorContext } from './editor-context';
import { useEditing } from './editing';
import { Field, NumberField, TextField } from './fields';
import { MediaField } from './Media';

const DEFAULT_ACCENT = '#2d72d2';
const HEX = /^#[0-9a-fA-F]{6}$/;

/** Title, description, language, passing score and how the player looks. */
export function CourseSettingsEditor({ context }: { readonly context: EditorContext }) {
  const editing = useEditing(context);
  const { course } = editing;
  const branding = course.settings.branding ?? {};
  const setBranding = (next: typeof branding, label: string) =>
    editing.run({ kind: 'set', path: ['settings', 'branding'], value: next }, label, {
      merge: 'settings.branding',
      field: 'settings.branding.accent',
      fieldLabel: 'Accent colour',
    });

  const checks = {
    mustAnswer: course.settings.checks?.mustAnswer ?? false,
    countTowardsScore: course.settings.checks?.countTowardsScore ?? true,
    tryAgain: course.settings.checks?.tryAgain ?? false,
  };
  // The whole object is set: a course without check settings has no `checks` to set a field in.
  const setChecks = (change: Partial<typeof checks>, label: string) =>
    editing.run({ kind: 'set', path: ['settings', 'checks'], value: { ...checks, ...change } }, label);
  const checkSwitches = [
    {
      key: 'mustAnswer',
      label: 'Learners must answer checks to finish a lesson',
      edit: 'Change whether checks must be answered',
      helper: undefined,
    },
    {
      key: 'countTowardsScore',
      label: 'Checks count towards the score',
      edit: 'Change whether checks count towards the score',
      helper: undefined,
    },
    {
      key: 'tryAgain',
      label: 'Learners may try again after a wrong answer',
      edit: 'Change whether learners may try checks again',
      helper:
        'The first answer is the one that counts towards the score and is reported to the LMS; a try after it is practice, and the player says so.',
    },
  ] as const;

  return (
    <div className="editor" aria-labelledby="course-settings-heading">
      <header className="editor-header">
        <p className={`${Classes.TEXT_MUTED} editor-kicker`}>Course</p>
        <H2 id="course-settings-heading">Course settings</H2>
      </header>
      <Card className="editor-card">
        <H3 className="editor-section">About the course</H3>
        <TextField editing={editing} label="Title" path={['title']} value={course.title} editLabel="Rename course" />
        <TextField
          editing={editing}
          label="Description"
          path={['description']}
          value={course.description}
          editLabel="Describe course"
          multiline
          helper="Learners see it on the course's first page and in the LMS catalogue."
        />
        <div className="field-row">
          <TextField
            editing={editing}
            label="Language"
            path={['language']}
            value={course.language}
            editLabel="Change language"
            helper="A language tag such as en, de or fr-CA; screen readers use it."
          />
          <NumberField
            editing={editing}
            label="Passing score"
            path={['settings', 'passingScore']}
            value={course.settings.passingScore}
            editLabel="Change passing score"
            scale={100}
            unit="%"
            min={0}
            max={100}
            helper="Share of knowledge-check points a learner needs to pass."
          />
        </div>
      </Card>
      <Card className="editor-card">
        <H3 className="editor-section">Knowledge checks</H3>
        <p className={`${Classes.TEXT_MUTED} field-helper`}>For every lesson that does not set its own.</p>
        {checkSwitches.map((s) => (
          <div className="switch-field" key={s.key}>
            <Switch
              label={s.label}
              checked={checks[s.key]}
              disabled={!editing.editable}
              onChange={(e) => setChecks({ [s.key]: e.currentTarget.checked }, s.edit)}
              inputRef={(el) => el?.setAttribute('data-path', `settings.checks.${s.key}`)}
            />
            {s.helper && <p className={`${Classes.TEXT_MUTED} field-helper`}>{s.helper}</p>}
          </div>
        ))}
      </Card>
      <Card className="editor-card">
        <H3 className="editor-section">Player branding</H3>
        <AccentField
          value={branding.accent}
          disabled={!editing.editable}
          error={editing.messageAt('settings.branding.accent', 'Accent colour')}
          onChange={(accent) => setBranding({ ...branding, accent }, 'Change accent colour')}
        />
        <MediaField
          context={context}
          kind="image"
          label="Logo"
          dataPath="settings.branding.logo"
          value={branding.logo}
          clearable
          helper="Shown at the top of every page of the player."
          error={editing.messageAt('settings.branding.logo', 'Logo')}
          onChange={(logo) => setBranding({ ...branding, logo }, 'Change logo')}
        />
        <MediaField
          context={context}
          kind="image"
          label="Cover picture"
          dataPath="settings.branding.hero.src"
          value={branding.hero?.src}
          clearable
          helper="Shown large on the course's first page, scaled to the learner's screen."
          error={editing.messageAt('settings.branding.hero.src', 'Cover picture')}
          onChange={(src) =>
            setBranding(
              { ...branding, hero: src ? { src, alt: branding.hero?.alt ?? '' } : undefined },
              src ? 'Change cover picture' : 'Remove cover picture',
            )
          }
        />
        {branding.hero && (
          <TextField
            editing={editing}
            label="Cover picture description"
            path={['settings', 'branding', 'hero', 'alt']}
            value={branding.hero.alt}
            editLabel="Describe cover picture"
            helper="What the picture shows, for learners who cannot see it. Leave empty if it only decorates."
          />
        )}
        <div
          className="branding-preview"
          aria-hidden="true"
          ref={(el) => el?.style.setProperty('--preview-accent', branding.accent ?? DEFAULT_ACCENT)}
        >
          <span className="branding-preview-bar" />
          <span className="branding-preview-button">Continue</span>
        </div>
      </Card>
    </div>
  );
}

interface AccentFieldProps {
  readonly value: string | undefined;
  readonly disabled: boolean;
  readonly error: string | undefined;
  readonly onChange: (accent: string | undefined) => void;
}

/** A colour well and the hex code beside it; a half-typed code waits at the field until it is whole. */
function AccentField({ value, disabled, error, onChange }: AccentFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const shown = draft ?? value ?? '';
  const type = (text: string) => {
    setDraft(text);
    if (text.trim() === '') {
      setLocal(null);
      onChange(undefined);
    } else if (HEX.test(text.trim())) {
      setLocal(null);
      onChange(text.trim().toLowerCase());
    } else setLocal('Accent colour must be a colour code like #2d72d2.');
  };
  const message = local ?? error;
  return (
    <Field
      label="Accent colour"
      inputId={id}
      error={message}
      helper="Buttons, progress and links in the player. Leave empty for Tailor's blue."
    >
      <div className="accent-field">
        <input
          type="color"
          className="accent-well"
          aria-label="Pick the accent colour"
          value={HEX.test(shown) ? shown : DEFAULT_ACCENT}
          disabled={disabled}
          onChange={(e) => type(e.target.value)}
        />
        <InputGroup
          id={id}
          value={shown}
          placeholder={DEFAULT_ACCENT}
          disabled={disabled}
          intent={message ? 'danger' : 'none'}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          onValueChange={type}
          onBlur={() => !message && setDraft(null)}
          {...({ 'data-path': 'settings.branding.accent' } as object)}
        />
      </div>
    </Field>
  );
}

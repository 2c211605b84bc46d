import { Button, Card, Classes, HTMLSelect, Switch } from '@blueprintjs/core';
import {
  Annotation,
  Comment,
  Edit,
  Help,
  InfoSign,
  Media as ImageIcon,
  Plus,
  Trash,
  VolumeUp,
  Video,
  Paragraph,
} from '@blueprintjs/icons';
import type { Block, Question } from '../../../shared/model';
import type { Segment } from '../../../shared/ops';
import { focusField } from '../workspace/focus-field';
import { freshId, type Editing } from './editing';
import { NamePicker, TextField } from './fields';
import { ItemActions, moveKeys } from './ItemActions';
import { ImageThumbnail, MediaField } from './Media';
import { useAssets } from './media-store';
import { RichText } from './RichText';
import { questionLabel } from './questions-model';

export const BLOCK_LABELS: Record<Block['type'], string> = {
  text: 'Text',
  image: 'Image',
  video: 'Video',
  audio: 'Audio',
  callout: 'Callout',
  reflection: 'Reflection',
  check: 'Knowledge check',
};

const BLOCK_ICONS: Record<Block['type'], React.JSX.Element> = {
  text: <Paragraph />,
  image: <ImageIcon />,
  video: <Video />,
  audio: <VolumeUp />,
  callout: <InfoSign />,
  reflection: <Comment />,
  check: <Help />,
};

/** Every block id in the course: block ids are unique course-wide so checks can be tracked. */
function blockIds(editing: Editing): string[] {
  return editing.course.modules.flatMap((m) =>
    m.lessons.flatMap((l) => [...l.blocks, ...(l.renditions ?? []).flatMap((r) => r.blocks)].map((b) => b.id)),
  );
}

interface BlockListProps {
  readonly editing: Editing;
  /** Where the blocks live: a lesson's `blocks` or one rendition's. */
  readonly path: readonly Segment[];
  readonly blocks: readonly Block[];
  readonly label: string;
}

/** A lesson's blocks as cards, in reading order, with an "add" bar at the end. */
export function BlockList({ editing, path, blocks, label }: BlockListProps) {
  const listPath = editing.pathOf(path);
  const listError = editing.messageAt(listPath, 'This version');
  const add = (block: Block, extra: { op: Parameters<Editing['run']>[0]; label: string }[] = [], focus = 'html') => {
    const insert = { kind: 'insert' as const, path: [...path], value: block };
    if (extra.length) void editing.context.applyAll([...extra, { op: insert, label: 'Add block' }], 'Add block');
    else if (!editing.run(insert, `Add ${BLOCK_LABELS[block.type].toLowerCase()}`, { field: listPath })) return;
    focusField(`${listPath}[${blocks.length}]${focus ? `.${focus}` : ''}`);
  };
  const newId = (type: string) => freshId(type, blockIds(editing));
  return (
    <div className="block-list">
      {listError && (
        <p className="field-error" role="alert">
          {listError}
        </p>
      )}
      {blocks.length === 0 && (
        <div className="block-empty">
          <p>
            <strong>This lesson is empty.</strong> Add text, media, a callout, a reflection or a knowledge check below;
            learners see the blocks in this order.
          </p>
        </div>
      )}
      <ol className="blocks" aria-label={label}>
        {blocks.map((block, i) => (
          <BlockCard key={block.id} editing={editing} listPath={path} block={block} index={i} count={blocks.length} />
        ))}
      </ol>
      {editing.editable && <AddBlockBar editing={editing} add={add} newId={newId} />}
    </div>
  );
}

interface AddBlockBarProps {
  readonly editing: Editing;
  readonly add: (block: Block, extra?: { op: Parameters<Editing['run']>[0]; label: string }[], focus?: string) => void;
  readonly newId: (type: string) => string;
}

/** One button per kind of block. Media blocks start empty-handed: they open on their file picker. */
function AddBlockBar({ editing, add, newId }: AddBlockBarProps) {
  const { course } = editing;
  // Media imported since the document opened count too: a second lesson starts on the image just imported.
  const assets = useAssets(editing.context);
  const mediaOf = (kind: 'image' | 'video' | 'audio') =>
    assets.find((a) => a.mime.startsWith(`${kind}/`))?.name ?? `assets/${kind}`;
  const addCheck = () => {
    const question: Question = {
      id: freshId(
        'question',
        course.questions.map((q) => q.id),
      ),
      type: 'single',
      prompt: 'New question',
      difficulty: 1,
      weight: 1,
      feedback: {},
      choices: [
        { id: 'a', text: 'Right answer', correct: true },
        { id: 'b', text: 'Wrong answer', correct: false },
      ],
    };
    add(
      { type: 'check', id: newId('check'), question: question.id },
      [{ op: { kind: 'insert', path: ['questions'], value: question }, label: 'Add question' }],
      'question',
    );
  };
  const buttons: [Block['type'], () => void][] = [
    ['text', () => add({ type: 'text', id: newId('text'), html: '' })],
    ['image', () => add({ type: 'image', id: newId('image'), src: mediaOf('image'), alt: '' }, [], 'src')],
    ['video', () => add({ type: 'video', id: newId('video'), src: mediaOf('video'), captions: [] }, [], 'src')],
    ['audio', () => add({ type: 'audio', id: newId('audio'), src: mediaOf('audio') }, [], 'src')],
    ['callout', () => add({ type: 'callout', id: newId('callout'), tone: 'tip', html: '' })],
    [
      'reflection',
      () => add({ type: 'reflection', id: newId('reflection'), prompt: 'What would you do?' }, [], 'prompt'),
    ],
    ['check', addCheck],
  ];
  return (
    <div className="add-block-bar" role="group" aria-label="Add a block">
      <span className={`${Classes.TEXT_MUTED} add-block-label`}>
        <Plus /> Add
      </span>
      {buttons.map(([type, run]) => (
        <Button key={type} icon={BLOCK_ICONS[type]} text={BLOCK_LABELS[type]} onClick={run} />
      ))}
    </div>
  );
}

interface BlockCardProps {
  readonly editing: Editing;
  readonly listPath: readonly Segment[];
  readonly block: Block;
  readonly index: number;
  readonly count: number;
}

function BlockCard({ editing, listPath, block, index, count }: BlockCardProps) {
  const path = [...listPath, { id: block.id }] as const;
  const dataPath = editing.pathOf(path);
  const listDataPath = editing.pathOf(listPath);
  const move = (to: number) => {
    editing.run({ kind: 'move', path: [...path], to }, 'Move block', { field: listDataPath });
    focusField(`${listDataPath}[${to}]`);
  };
  const remove = () => editing.run({ kind: 'remove', path: [...path] }, 'Remove block', { field: listDataPath });
  return (
    <li className={`block-card-item block-${block.type}`}>
      <Card
        className="block-card"
        tabIndex={0}
        data-path={dataPath}
        aria-label={`${BLOCK_LABELS[block.type]} block ${index + 1}`}
        onKeyDown={(e) => {
          if (e.target !== e.currentTarget) return moveKeys(index, count, move)(e);
          if (e.key === 'Delete' && editing.editable) {
            e.preventDefault();
            remove();
          } else moveKeys(index, count, move)(e);
        }}
      >
        <header className="block-card-header">
          <span className="block-type">
            {BLOCK_ICONS[block.type]}
            {BLOCK_LABELS[block.type]}
          </span>
          {editing.editable && (
            <ItemActions
              name={`${BLOCK_LABELS[block.type]} block ${index + 1}`}
              index={index}
              count={count}
              onMove={move}
              onRemove={remove}
            />
          )}
        </header>
        <BlockBody editing={editing} path={path} block={block} />
      </Card>
    </li>
  );
}

function BlockBody({ editing, path, block }: { editing: Editing; path: readonly Segment[]; block: Block }) {
  const { context } = editing;
  const at = (field: string) => `${editing.pathOf(path)}.${field}`;
  const set = (field: string, value: unknown, label: string, merge = true) =>
    // A merged edit is typing in a field that shows its own text (rich text keeps what it emitted): drawn later.
    editing.run({ kind: 'set', path: [...path, field], value }, label, merge ? { merge: at(field), later: true } : {});
  switch (block.type) {
    case 'text':
      return (
        <RichText
          label="Text"
          value={block.html}
          dataPath={at('html')}
          disabled={!editing.editable}
          error={editing.messageAt(at('html'), 'Text')}
          onChange={(html) => set('html', html, 'Edit text')}
        />
      );
    case 'callout':
      return (
        <>
          <div className="callout-tone">
            <label className={Classes.LABEL} htmlFor={at('tone')}>
              Tone
            </label>
            <HTMLSelect
              id={at('tone')}
              value={block.tone}
              disabled={!editing.editable}
              options={[
                { value: 'info', label: 'Information' },
                { value: 'tip', label: 'Tip' },
                { value: 'warning', label: 'Warning' },
              ]}
              onChange={(e) => set('tone', e.currentTarget.value, 'Change callout tone', false)}
              {...{ 'data-path': at('tone') }}
            />
          </div>
          <RichText
            label="Callout text"
            value={block.html}
            dataPath={at('html')}
            disabled={!editing.editable}
            onChange={(html) => set('html', html, 'Edit callout')}
          />
        </>
      );
    case 'reflection':
      return (
        <TextField
          editing={editing}
          label="Prompt"
          path={[...path, 'prompt']}
          value={block.prompt}
          editLabel="Edit reflection prompt"
          multiline
          helper="An open question learners answer for themselves; nothing is scored."
        />
      );
    case 'image': {
      const missingAlt = !block.decorative && block.alt.trim() === '';
      return (
        <>
          <MediaField
            context={context}
            kind="image"
            label="Image"
            dataPath={at('src')}
            value={block.src}
            onChange={(src) => src && set('src', src, 'Change image', false)}
          />
          {block.src && <ImageThumbnail context={context} name={block.src} />}
          <Switch
            label="Decorative (screen readers skip it)"
            checked={block.decorative ?? false}
            disabled={!editing.editable}
            onChange={(e) => {
              const decorative = e.currentTarget.checked;
              void context.applyAll(
                [
                  {
                    op: { kind: 'set', path: [...path, 'decorative'], value: decorative || undefined },
                    label: 'Mark decorative',
                  },
                  ...(decorative
                    ? [{ op: { kind: 'set' as const, path: [...path, 'alt'], value: '' }, label: 'Clear alt text' }]
                    : []),
                ],
                'Mark decorative',
              );
            }}
          />
          {!block.decorative && (
            <AltText editing={editing} path={path} value={block.alt} missing={missingAlt} dataPath={at('alt')} />
          )}
          <TextField
            editing={editing}
            label="Caption"
            path={[...path, 'caption']}
            value={block.caption ?? ''}
            editLabel="Edit caption"
            optional
            placeholder="Shown under the image (optional)"
          />
        </>
      );
    }
    case 'video':
      return (
        <>
          <MediaField
            context={context}
            kind="video"
            label="Video"
            dataPath={at('src')}
            value={block.src}
            onChange={(src) => src && set('src', src, 'Change video', false)}
          />
          <Captions editing={editing} path={path} block={block} />
          <RichText
            label="Transcript"
            value={block.transcript ?? ''}
            dataPath={at('transcript')}
            disabled={!editing.editable}
            onChange={(html) => set('transcript', html, 'Edit transcript')}
          />
        </>
      );
    case 'audio':
      return (
        <>
          <MediaField
            context={context}
            kind="audio"
            label="Audio"
            dataPath={at('src')}
            value={block.src}
            onChange={(src) => src && set('src', src, 'Change audio', false)}
          />
          <RichText
            label="Transcript"
            value={block.transcript ?? ''}
            dataPath={at('transcript')}
            disabled={!editing.editable}
            onChange={(html) => set('transcript', html, 'Edit transcript')}
          />
        </>
      );
    case 'check': {
      const options = editing.course.questions.map((q) => ({ id: q.id, name: questionLabel(q), detail: q.type }));
      return (
        <div className="check-block">
          <NamePicker
            label="Question"
            dataPath={at('question')}
            options={options}
            value={block.question}
            disabled={!editing.editable}
            placeholder="Choose a question"
            error={editing.messageAt(at('question'), 'Question')}
            onChange={(q) => q && set('question', q, 'Change question', false)}
          />
          <Button
            icon={<Edit />}
            text="Edit question"
            onClick={() => context.select({ kind: 'question', id: block.question })}
          />
        </div>
      );
    }
  }
}

function AltText(props: {
  editing: Editing;
  path: readonly Segment[];
  value: string;
  missing: boolean;
  dataPath: string;
}) {
  const { editing, path, value, missing } = props;
  return (
    <div className={missing ? 'alt-missing' : undefined}>
      <TextField
        editing={editing}
        label="Alt text"
        path={[...path, 'alt']}
        value={value}
        editLabel="Edit alt text"
        multiline
        helper={
          missing ? (
            <span className="field-warning">
              Describe what the image shows for learners who cannot see it, or mark it decorative.
            </span>
          ) : (
            'What the image shows, for learners who cannot see it.'
          )
        }
      />
    </div>
  );
}

function Captions({
  editing,
  path,
  block,
}: {
  editing: Editing;
  path: readonly Segment[];
  block: Extract<Block, { type: 'video' }>;
}) {
  const { context } = editing;
  const base = `${editing.pathOf(path)}.captions`;
  const vtt = useAssets(context).find((a) => /\.vtt$/i.test(a.name))?.name ?? 'assets/captions.vtt';
  return (
    <fieldset className="captions">
      <legend className={Classes.LABEL}>Captions (WebVTT, one file per language)</legend>
      {block.captions.length === 0 && (
        <p className={`${Classes.TEXT_MUTED} field-warning`}>
          No captions yet: learners who cannot hear will miss this video.
        </p>
      )}
      {block.captions.map((caption, i) => (
        <div key={i} className="caption-row">
          <TextField
            editing={editing}
            label="Language"
            path={[...path, 'captions', i, 'language']}
            value={caption.language}
            editLabel="Change captions language"
            placeholder="en"
          />
          <TextField
            editing={editing}
            label="Label"
            path={[...path, 'captions', i, 'label']}
            value={caption.label}
            editLabel="Change captions label"
            placeholder="English"
          />
          <MediaField
            context={context}
            kind="captions"
            label="Captions file"
            dataPath={`${base}[${i}].src`}
            value={caption.src}
            onChange={(src) =>
              src &&
              editing.run({ kind: 'set', path: [...path, 'captions', i, 'src'], value: src }, 'Change captions file')
            }
          />
          {editing.editable && (
            <Button
              icon={<Trash />}
              className="item-remove"
              variant="minimal"
              aria-label={`Remove ${caption.label || caption.language} captions`}
              onClick={() => editing.run({ kind: 'remove', path: [...path, 'captions', i] }, 'Remove captions')}
            />
          )}
        </div>
      ))}
      {editing.editable && (
        <Button
          icon={<Annotation />}
          text="Add captions"
          onClick={() => {
            if (
              editing.run(
                {
                  kind: 'insert',
                  path: [...path, 'captions'],
                  value: { language: block.captions.length ? '' : 'en', label: '', src: vtt },
                },
                'Add captions',
              )
            )
              focusField(`${base}[${block.captions.length}].language`);
          }}
        />
      )}
    </fieldset>
  );
}

import { Button, ButtonGroup, Classes, InputGroup, Popover } from '@blueprintjs/core';
import { Bold, Italic, Link, NumberedList, Properties, Underline, Header } from '@blueprintjs/icons';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId, useRef, useState } from 'react';
import { createAuthoredHtml } from './authored-html';
import './rich-text.css';

const authored = createAuthoredHtml(window);

interface RichTextProps {
  readonly label: string;
  readonly value: string;
  readonly dataPath: string;
  readonly disabled?: boolean;
  readonly error?: string;
  readonly onChange: (html: string) => void;
}

/**
 * Rich text as the player shows it: paragraphs, two heading levels, bold, italic, underline,
 * links, lists and quotes. Nothing writes a style attribute, and the output is sanitized with
 * the export's policy before it reaches the course.
 */
export function RichText({ label, value, dataPath, disabled, error, onChange }: RichTextProps) {
  const labelId = useId();
  // What this editor sent recently: while typing, older values still arrive from the snapshot.
  const emitted = useRef<string[]>([value]);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const editor = useEditor({
    injectCSS: false,
    editable: !disabled,
    content: value,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        link: {
          openOnClick: false,
          autolink: true,
          defaultProtocol: 'https',
          protocols: ['http', 'https', 'mailto'],
          HTMLAttributes: { rel: 'noopener noreferrer', target: '_blank' },
        },
      }),
    ],
    editorProps: {
      attributes: {
        class: 'rich-text-content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        'data-path': dataPath,
        // useEditor passes changed options on to the view at each render, so this follows `error`.
        'aria-invalid': error ? 'true' : 'false',
      },
      transformPastedHTML: authored.cleanPasted,
    },
    onUpdate: ({ editor: current }) => {
      const html = authored.sanitize(current.getHTML());
      emitted.current = [...emitted.current.slice(-49), html];
      onChangeRef.current(html);
    },
  });
  // Undo, redo or another window changed the text: show it without echoing it back as an edit.
  useEffect(() => {
    if (!editor || value === emitted.current.at(-1)) return;
    if (editor.isFocused && emitted.current.includes(value)) return;
    emitted.current = [value];
    editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  useEffect(() => {
    editor?.setEditable(!disabled);
  }, [editor, disabled]);

  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      underline: e?.isActive('underline') ?? false,
      heading: e?.isActive('heading', { level: 2 }) ?? false,
      bullets: e?.isActive('bulletList') ?? false,
      numbers: e?.isActive('orderedList') ?? false,
      link: e?.isActive('link') ?? false,
    }),
  });
  const chain = () => editor!.chain().focus();
  const tool = (name: string, icon: React.JSX.Element, pressed: boolean, run: () => void, keys?: string) => (
    <Button
      icon={icon}
      aria-label={name}
      title={keys ? `${name} (${keys})` : name}
      aria-pressed={pressed}
      active={pressed}
      disabled={disabled || !editor}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    />
  );
  return (
    <div className={`rich-text${error ? ' rich-text-invalid' : ''}`}>
      <span id={labelId} className={`${Classes.LABEL} rich-text-label`}>
        {label}
      </span>
      <ButtonGroup variant="minimal" size="small" className="rich-text-toolbar" aria-label={`${label} formatting`}>
        {tool('Bold', <Bold />, active?.bold ?? false, () => chain().toggleBold().run(), 'Ctrl+B')}
        {tool('Italic', <Italic />, active?.italic ?? false, () => chain().toggleItalic().run(), 'Ctrl+I')}
        {tool('Underline', <Underline />, active?.underline ?? false, () => chain().toggleUnderline().run(), 'Ctrl+U')}
        {tool('Heading', <Header />, active?.heading ?? false, () => chain().toggleHeading({ level: 2 }).run())}
        {tool('Bulleted list', <Properties />, active?.bullets ?? false, () => chain().toggleBulletList().run())}
        {tool('Numbered list', <NumberedList />, active?.numbers ?? false, () => chain().toggleOrderedList().run())}
        <LinkTool
          disabled={disabled || !editor}
          active={active?.link ?? false}
          current={() => (editor?.getAttributes('link').href as string | undefined) ?? ''}
          onApply={(href) =>
            href
              ? chain().extendMarkRange('link').setLink({ href }).run()
              : chain().extendMarkRange('link').unsetLink().run()
          }
        />
      </ButtonGroup>
      <EditorContent editor={editor} className="rich-text-frame" />
      {error && (
        <p className="field-error rich-text-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface LinkToolProps {
  readonly disabled: boolean;
  readonly active: boolean;
  readonly current: () => string;
  readonly onApply: (href: string) => void;
}

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/** A link's address, typed in a small popover (a web address or mailto:). */
function LinkTool({ disabled, active, current, onApply }: LinkToolProps) {
  const [open, setOpen] = useState(false);
  const [href, setHref] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const apply = () => {
    const text = href.trim();
    if (text && !SAFE_LINK.test(text) && !/^[\w.-]+\.[a-z]{2,}/i.test(text)) {
      setProblem('Type a web address (https://…) or an e-mail link (mailto:…).');
      return;
    }
    onApply(text && !SAFE_LINK.test(text) ? `https://${text}` : text);
    setOpen(false);
  };
  return (
    <Popover
      isOpen={open}
      onInteraction={(next) => {
        if (next) {
          setHref(current());
          setProblem(null);
        }
        setOpen(next);
      }}
      placement="bottom-start"
      content={
        <form
          className="link-popover"
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <InputGroup
            autoFocus
            aria-label="Link address"
            placeholder="https://…"
            value={href}
            intent={problem ? 'danger' : 'none'}
            onValueChange={setHref}
          />
          <Button type="submit" intent="primary" text="Apply" />
          {active && (
            <Button
              text="Remove link"
              onClick={() => {
                onApply('');
                setOpen(false);
              }}
            />
          )}
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
        </form>
      }
    >
      <Button
        icon={<Link />}
        aria-label="Link"
        title="Link"
        aria-pressed={active}
        active={active}
        disabled={disabled}
        onMouseDown={(e) => e.preventDefault()}
      />
    </Popover>
  );
}

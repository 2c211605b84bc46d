import {
  Button,
  Callout,
  Card,
  Classes,
  H2,
  HTMLTable,
  Intent,
  NonIdealState,
  ProgressBar,
  Tag,
} from '@blueprintjs/core';
import { Clean, Import, Media as MediaIcon } from '@blueprintjs/icons';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AssetInfo } from '../../../shared/contract';
import { useBackend } from '../app/backend-context';
import type { EditorContext } from './editor-context';
import { NamePicker } from './fields';
import { ACCEPT, displayName, mediaKind, rememberRemoved, useAssets, type MediaKind } from './media-store';
import { useUpload } from './upload';
import { mediaUsage } from './usage';

const megabytes = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface UploadZoneProps {
  readonly context: EditorContext;
  readonly kind?: MediaKind;
  readonly label?: string;
  readonly compact?: boolean;
  readonly onImported?: (assets: AssetInfo[]) => void;
  /** Told when an import starts and when it ends (finished, failed or cancelled). */
  readonly onSendingChange?: (sending: boolean) => void;
}

/** Drop files here or pick them; a progress bar with Cancel while they are sent. */
export function UploadZone({
  context,
  kind,
  label = 'Import media…',
  compact,
  onImported,
  onSendingChange,
}: UploadZoneProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const { state, upload, cancel } = useUpload(context.path);
  const sending = state.kind === 'sending';
  useEffect(() => onSendingChange?.(sending), [sending, onSendingChange]);
  const send = async (files: FileList | null) => {
    if (!files?.length) return;
    const imported = await upload([...files]);
    if (imported.length) onImported?.(imported);
  };
  return (
    <div
      className={`upload-zone${over ? ' upload-zone-over' : ''}${compact ? ' upload-zone-compact' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void send(e.dataTransfer.files);
      }}
    >
      <input
        ref={input}
        type="file"
        hidden
        multiple={!kind}
        accept={kind ? ACCEPT[kind] : undefined}
        aria-label={label}
        onChange={(e) => {
          void send(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
      {state.kind === 'sending' ? (
        <div className="upload-progress" role="status">
          <span>
            Importing {state.file}… {Math.round((state.sent / Math.max(1, state.total)) * 100)}%
          </span>
          <ProgressBar
            intent={Intent.PRIMARY}
            value={state.total ? state.sent / state.total : undefined}
            aria-label="Import progress"
          />
          <Button text="Cancel" onClick={cancel} />
        </div>
      ) : (
        <>
          <Button icon={<Import />} text={label} disabled={context.readOnly} onClick={() => input.current?.click()} />
          {!compact && <span className={Classes.TEXT_MUTED}>or drop files here</span>}
        </>
      )}
      {state.kind === 'failed' && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}

interface MediaFieldProps {
  readonly context: EditorContext;
  readonly kind: MediaKind;
  readonly label: string;
  readonly dataPath: string;
  readonly value: string | undefined;
  readonly clearable?: boolean;
  readonly helper?: ReactNode;
  readonly error?: string;
  readonly onChange: (name: string | undefined) => void;
}

/** Picks a media file of the document by name, or imports a new one into the field. */
export function MediaField({
  context,
  kind,
  label,
  dataPath,
  value,
  clearable,
  helper,
  error,
  onChange,
}: MediaFieldProps) {
  const assets = useAssets(context);
  const options = assets
    .filter((a) => mediaKind(a) === kind)
    .map((a) => ({ id: a.name, name: displayName(a.name), detail: megabytes(a.size) }));
  const missing = value !== undefined && !assets.some((a) => a.name === value);
  return (
    <div className="media-field">
      <NamePicker
        label={label}
        dataPath={dataPath}
        options={options}
        value={value}
        clearable={clearable}
        disabled={context.readOnly}
        placeholder={
          options.length ? `Choose ${kind === 'captions' ? 'a captions file' : `an ${kind}`}` : 'Nothing imported yet'
        }
        helper={helper}
        error={
          error ??
          (missing
            ? `Choose or import the ${label.toLowerCase()}: "${displayName(value)}" is not in this course.`
            : undefined)
        }
        onChange={onChange}
      />
      <UploadZone
        context={context}
        kind={kind}
        compact
        label="Import…"
        onImported={(imported) => imported[0] && onChange(imported[0].name)}
      />
    </div>
  );
}

/** Every media file of the course: where it is used, what is missing, what can go. */
export function MediaLibrary({ context }: { readonly context: EditorContext }) {
  const { client } = useBackend();
  const assets = useAssets(context);
  const usage = mediaUsage(context.course);
  const missing = [...usage.keys()].filter((name) => !assets.some((a) => a.name === name));
  const unused = assets.filter((a) => !usage.has(a.name));
  const [compacted, setCompacted] = useState<string | null>(null);
  // Removing while files are still arriving would report a count the designer cannot check.
  const [importing, setImporting] = useState(false);
  const compact = async () => {
    const result = await client.invoke('document.compact', { path: context.path });
    if (!result.ok) return setCompacted(result.error.message);
    rememberRemoved(context.path, result.value.removedNames);
    setCompacted(
      result.value.removedNames.length
        ? `Removed ${result.value.removedNames.length} unused file(s), ${megabytes(result.value.bytesFreed)} freed.`
        : 'Nothing to remove: every file is used.',
    );
  };
  return (
    <div className="editor" aria-labelledby="media-heading">
      <header className="editor-header editor-header-row">
        <div>
          <p className={`${Classes.TEXT_MUTED} editor-kicker`}>Course</p>
          <H2 id="media-heading">Media</H2>
        </div>
        <Button
          icon={<Clean />}
          text="Remove unused media"
          disabled={context.readOnly || importing || unused.length === 0}
          title={
            importing
              ? 'Wait for the import to finish'
              : unused.length === 0
                ? 'Every file is used: nothing to remove'
                : undefined
          }
          onClick={() => void compact()}
        />
      </header>
      <Card className="editor-card">
        <UploadZone context={context} onSendingChange={setImporting} />
      </Card>
      {compacted && (
        <Callout intent={Intent.SUCCESS} role="status">
          {compacted}
        </Callout>
      )}
      {missing.length > 0 && (
        <Callout intent={Intent.DANGER} title="Missing media" role="alert">
          Lessons use {missing.map(displayName).join(', ')}, but the course does not contain{' '}
          {missing.length === 1 ? 'it' : 'them'}. Import the file(s) again with the same name.
        </Callout>
      )}
      {assets.length === 0 ? (
        <NonIdealState
          icon={<MediaIcon size={48} />}
          title="No media yet"
          description="Import images, video, audio and captions (WebVTT); lessons then pick them by name."
        />
      ) : (
        <Card className="editor-card media-table-card">
          <HTMLTable className="media-table" striped aria-label="Media files">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Kind</th>
                <th scope="col">Size</th>
                <th scope="col">Used</th>
              </tr>
            </thead>
            <tbody>
              {assets.map((a) => {
                const count = usage.get(a.name) ?? 0;
                return (
                  <tr key={a.name}>
                    <td>{displayName(a.name)}</td>
                    <td>{mediaKind(a) ?? a.mime}</td>
                    <td>{megabytes(a.size)}</td>
                    <td>
                      {count === 0 ? (
                        <Tag intent={Intent.WARNING} minimal round>
                          Unused
                        </Tag>
                      ) : (
                        `${count} ${count === 1 ? 'place' : 'places'}`
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </HTMLTable>
        </Card>
      )}
    </div>
  );
}

/**
 * The image a block shows, small, beside its fields: a blob: URL of the stored bytes (the studio's
 * CSP allows blob: images, never inline styles), fetched again only when the content changes.
 */
export function ImageThumbnail({ context, name }: { readonly context: EditorContext; readonly name: string }) {
  const { client } = useBackend();
  const asset = useAssets(context).find((a) => a.name === name);
  const sha256 = asset?.sha256;
  const [shown, setShown] = useState<
    { readonly sha256: string; readonly url: string } | { readonly sha256: string; readonly failed: string } | null
  >(null);
  useEffect(() => {
    if (!sha256) return;
    let url: string | null = null;
    let gone = false;
    void client.invoke('document.readImage', { path: context.path, name }).then((result) => {
      if (gone) return;
      if (!result.ok) return setShown({ sha256, failed: result.error.message });
      const bytes = Uint8Array.from(atob(result.value.base64), (c) => c.charCodeAt(0));
      url = URL.createObjectURL(new Blob([bytes], { type: result.value.mime }));
      setShown({ sha256, url });
    });
    return () => {
      gone = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [client, context.path, name, sha256]);
  if (!shown || shown.sha256 !== sha256) return null;
  if ('failed' in shown) return <ThumbnailFailed name={name} reason={shown.failed} />;
  // The alt text is edited just below; the thumbnail only shows the designer which image this is.
  return (
    <img
      className="image-thumbnail"
      src={shown.url}
      alt=""
      data-testid="image-thumbnail"
      onError={() => setShown({ sha256, failed: 'The file is not an image a browser can show, or it is damaged.' })}
    />
  );
}

/** Said where the thumbnail would be: the image is in the course, but it cannot be shown (nor played to learners). */
function ThumbnailFailed({ name, reason }: { readonly name: string; readonly reason: string }) {
  return (
    <Callout
      intent={Intent.WARNING}
      compact
      className="image-thumbnail-failed"
      title={`${displayName(name)} cannot be shown`}
    >
      {reason} Import the image again, or choose another.
    </Callout>
  );
}

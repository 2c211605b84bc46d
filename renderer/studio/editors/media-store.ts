import { useSyncExternalStore } from 'react';
import type { AssetInfo } from '../../../shared/contract';
import type { EditorContext } from './editor-context';

/**
 * Media imported or removed since the document was opened: the snapshot's asset list is read at
 * open, and imports do not change the course, so the editors keep the difference here.
 */
interface Delta {
  readonly added: readonly AssetInfo[];
  readonly removed: ReadonlySet<string>;
}

const deltas = new Map<string, Delta>();
const listeners = new Set<() => void>();
const EMPTY: Delta = { added: [], removed: new Set() };

function update(path: string, change: (delta: Delta) => Delta): void {
  deltas.set(path, change(deltas.get(path) ?? EMPTY));
  listeners.forEach((listener) => listener());
}

export function rememberImported(path: string, asset: AssetInfo): void {
  update(path, (d) => {
    const removed = new Set(d.removed);
    removed.delete(asset.name);
    return { added: [...d.added.filter((a) => a.name !== asset.name), asset], removed };
  });
}

export function rememberRemoved(path: string, names: readonly string[]): void {
  update(path, (d) => ({
    added: d.added.filter((a) => !names.includes(a.name)),
    removed: new Set([...d.removed, ...names]),
  }));
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The document's media as the designer last changed it, sorted by name. */
export function useAssets(context: EditorContext): readonly AssetInfo[] {
  const delta = useSyncExternalStore(subscribe, () => deltas.get(context.path) ?? EMPTY);
  const byName = new Map(context.assets.map((a) => [a.name, a] as const));
  delta.added.forEach((a) => byName.set(a.name, a));
  delta.removed.forEach((name) => byName.delete(name));
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export type MediaKind = 'image' | 'video' | 'audio' | 'captions';

const EXTENSIONS: Record<MediaKind, RegExp> = {
  image: /\.(png|jpe?g|gif|webp|svg|avif)$/i,
  video: /\.(mp4|webm|m4v|mov|ogv)$/i,
  audio: /\.(mp3|m4a|aac|wav|ogg|oga|opus)$/i,
  captions: /\.vtt$/i,
};

export const ACCEPT: Record<MediaKind, string> = {
  image: 'image/*',
  video: 'video/*',
  audio: 'audio/*',
  captions: '.vtt,text/vtt',
};

/** What a media file is, from its type or, when the type is generic, its name. */
export function mediaKind(asset: Pick<AssetInfo, 'name' | 'mime'>): MediaKind | null {
  if (asset.mime === 'text/vtt' || EXTENSIONS.captions.test(asset.name)) return 'captions';
  for (const kind of ['image', 'video', 'audio'] as const)
    if (asset.mime.startsWith(`${kind}/`) || EXTENSIONS[kind].test(asset.name)) return kind;
  return null;
}

export const displayName = (name: string) => name.replace(/^assets\//, '');

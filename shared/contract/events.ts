import type { DocumentChange } from './calls';

/** Every event the backend pushes to the UI, declared once. */
export interface EventPayloads {
  /** The list of courses changed (created, opened, removed). */
  'library.changed': { readonly reason: 'created' | 'opened' };
  /** An open document changed (an edit, undo or redo), from any window. */
  'document.changed': DocumentChange;
  /** The desktop shell was asked to open a document (double-click, Open Recent, a second launch). */
  'app.openDocument': { readonly path: string };
  /** The designer chose a studio command in the native menu. */
  'app.command': { readonly id: string };
  /** A running export moved on. */
  'export.progress': { readonly job: string; readonly done: number; readonly total: number; readonly file: string };
}

export type EventName = keyof EventPayloads;

export const eventNames = [
  'library.changed',
  'document.changed',
  'export.progress',
  'app.openDocument',
  'app.command',
] as const satisfies readonly EventName[];

export function isEventName(name: string): name is EventName {
  return (eventNames as readonly string[]).includes(name);
}

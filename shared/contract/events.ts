/** Every event the backend pushes to the UI, declared once. */
export interface EventPayloads {
  /** The list of courses changed (created, opened, removed). */
  'library.changed': { readonly reason: 'created' | 'opened' };
}

export type EventName = keyof EventPayloads;

export const eventNames = ['library.changed'] as const satisfies readonly EventName[];

export function isEventName(name: string): name is EventName {
  return (eventNames as readonly string[]).includes(name);
}

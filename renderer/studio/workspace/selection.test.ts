import { describe, expect, it } from 'vitest';
import { selectionFromParam, selectionToParam, type Selection } from './selection';

describe('selection in the URL', () => {
  const examples: Selection[] = [
    { kind: 'course' },
    { kind: 'media' },
    { kind: 'module', id: 'm1' },
    { kind: 'lesson', module: 'm1', id: 'l-2' },
    { kind: 'persona', id: 'femi' },
  ];
  it.each(examples)('comes back as the same selection: %o', (selection) => {
    expect(selectionFromParam(selectionToParam(selection))).toEqual(selection);
  });
  it.each(['', 'nonsense', 'module', 'lesson:m1', 'course:extra', 'rule:a:b'])('names nothing for %j', (param) => {
    expect(selectionFromParam(param)).toBeNull();
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  chunked,
  keyedChildren,
  keyedChunkRefresh,
  keyedChunks,
  keyedRefresh,
  type Chunked,
  type KeyedCache,
} from './keyed';

const item = (key: string, sig = key) => ({
  key,
  sig,
  render: () => {
    const li = document.createElement('li');
    li.textContent = `${key}:${sig}`;
    return li;
  },
});
const texts = (parent: Element) => [...parent.children].map((c) => c.textContent);

describe('keyed children', () => {
  it('draws every item the first time, in order', () => {
    const ol = document.createElement('ol');
    keyedChildren(ol, new Map(), [item('a'), item('b'), item('c')]);
    expect(texts(ol)).toEqual(['a:a', 'b:b', 'c:c']);
  });

  it('keeps the very same nodes when nothing changed', () => {
    const ol = document.createElement('ol');
    const cache: KeyedCache = new Map();
    keyedChildren(ol, cache, [item('a'), item('b')]);
    const before = [...ol.children];
    keyedChildren(ol, cache, [item('a'), item('b')]);
    expect([...ol.children]).toEqual(before);
    expect([...ol.children][0]).toBe(before[0]);
  });

  it('does not even read the list when nothing changed since its last draw', () => {
    const ol = document.createElement('ol');
    const cache: KeyedCache = new Map();
    keyedChildren(ol, cache, [item('a'), item('b')]);
    let reads = 0;
    const firstChild = Object.getOwnPropertyDescriptor(Node.prototype, 'firstChild')!.get!;
    Object.defineProperty(ol, 'firstChild', {
      get() {
        reads += 1;
        return firstChild.call(this);
      },
    });
    keyedChildren(ol, cache, [item('a'), item('b')]);
    expect(reads).toBe(0);
    keyedChildren(ol, cache, [item('b'), item('a')]);
    expect(reads).toBe(1);
    expect(texts(ol)).toEqual(['b:b', 'a:a']);
  });

  it('replaces only the child whose signature changed, where it stands, without moving the others', () => {
    const ol = document.createElement('ol');
    const cache: KeyedCache = new Map();
    keyedChildren(ol, cache, [item('a'), item('b'), item('c')]);
    const [a, b, c] = [...ol.children];
    const moved: Node[] = [];
    new MutationObserver((records) => records.forEach((r) => moved.push(...r.removedNodes))).observe(ol, {
      childList: true,
    });
    keyedChildren(ol, cache, [item('a'), item('b', 'done'), item('c')]);
    expect(texts(ol)).toEqual(['a:a', 'b:done', 'c:c']);
    expect(ol.children[0]).toBe(a);
    expect(ol.children[2]).toBe(c);
    expect(ol.children[1]).not.toBe(b);
    return new Promise<void>((done) =>
      queueMicrotask(() => {
        expect(moved).toEqual([b]);
        done();
      }),
    );
  });

  it('removes children no longer listed, adds new ones in place and follows a new order', () => {
    const ol = document.createElement('ol');
    const cache: KeyedCache = new Map();
    keyedChildren(ol, cache, [item('a'), item('b'), item('c')]);
    const c = ol.children[2];
    keyedChildren(ol, cache, [item('c'), item('x'), item('a')]);
    expect(texts(ol)).toEqual(['c:c', 'x:x', 'a:a']);
    expect(ol.children[0]).toBe(c);
    expect([...cache.keys()].sort()).toEqual(['a', 'c', 'x']);
  });

  it('draws a child again after it was removed and listed anew', () => {
    const ol = document.createElement('ol');
    const cache: KeyedCache = new Map();
    keyedChildren(ol, cache, [item('a')]);
    keyedChildren(ol, cache, []);
    expect(texts(ol)).toEqual([]);
    keyedChildren(ol, cache, [item('a', 'again')]);
    expect(texts(ol)).toEqual(['a:again']);
  });
});

describe('refreshing one keyed child', () => {
  it('redraws only that child, in place, when its signature changed', () => {
    const ol = document.createElement('ol');
    const cache: KeyedCache = new Map();
    keyedChildren(ol, cache, [item('a'), item('b'), item('c')]);
    const [a, , c] = [...ol.children];
    keyedRefresh(ol, cache, item('b', 'current'));
    expect(texts(ol)).toEqual(['a:a', 'b:current', 'c:c']);
    expect(ol.children[0]).toBe(a);
    expect(ol.children[2]).toBe(c);
    keyedChildren(ol, cache, [item('a'), item('b', 'current'), item('c')]);
    expect(texts(ol)).toEqual(['a:a', 'b:current', 'c:c']);
  });

  it('leaves the list alone when the signature is unchanged or the key is not listed', () => {
    const ol = document.createElement('ol');
    const cache: KeyedCache = new Map();
    keyedChildren(ol, cache, [item('a')]);
    const a = ol.children[0];
    keyedRefresh(ol, cache, item('a'));
    keyedRefresh(ol, cache, item('z', 'new'));
    expect([...ol.children]).toEqual([a]);
    expect(cache.has('z')).toBe(false);
  });
});

describe('chunked keyed lists', () => {
  const make = () => {
    const holder = document.createElement('div');
    return chunked(holder, 2, (i) => {
      const ol = document.createElement('ol');
      ol.dataset['chunk'] = String(i);
      return ol;
    });
  };
  const shape = (c: Chunked) => [...c.holder.children].map((list) => texts(list));

  it('splits the items into lists of at most the chunk size, in order', () => {
    const c = make();
    keyedChunks(
      c,
      ['a', 'b', 'c', 'd', 'e'].map((k) => item(k)),
    );
    expect(shape(c)).toEqual([['a:a', 'b:b'], ['c:c', 'd:d'], ['e:e']]);
  });

  it('keeps unchanged children and lists, and drops lists no longer needed', () => {
    const c = make();
    keyedChunks(
      c,
      ['a', 'b', 'c'].map((k) => item(k)),
    );
    const [first] = [...c.holder.children];
    const a = first!.children[0];
    keyedChunks(c, [item('a'), item('b', 'done')]);
    expect(shape(c)).toEqual([['a:a', 'b:done']]);
    expect(c.holder.children[0]).toBe(first);
    expect(first!.children[0]).toBe(a);
  });

  it('moves a child to the next list when an item before it is added', () => {
    const c = make();
    keyedChunks(
      c,
      ['a', 'b', 'c'].map((k) => item(k)),
    );
    keyedChunks(
      c,
      ['x', 'a', 'b', 'c'].map((k) => item(k)),
    );
    expect(shape(c)).toEqual([
      ['x:x', 'a:a'],
      ['b:b', 'c:c'],
    ]);
  });

  it('refreshes one child in whichever list holds it', () => {
    const c = make();
    keyedChunks(
      c,
      ['a', 'b', 'c'].map((k) => item(k)),
    );
    keyedChunkRefresh(c, item('c', 'current'));
    expect(shape(c)).toEqual([['a:a', 'b:b'], ['c:current']]);
  });
});

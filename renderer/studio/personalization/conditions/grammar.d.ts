// What @lezer/generator's build plugin makes of a .grammar file.
declare module '*.grammar' {
  import type { LRParser } from '@lezer/lr';
  export const parser: LRParser;
}

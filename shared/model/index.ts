export * from './json-path';
export * from './schema';
export * from './migrate';

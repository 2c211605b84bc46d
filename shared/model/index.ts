export * from './json-path';
export * from './schema';

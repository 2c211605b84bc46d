export * from './json-path';
export * from './schema';
export * from './migrate';
export * from './known-keys';
export * from './media-fields';

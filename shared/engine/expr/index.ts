export * from './ast';
export * from './check';
export * from './compile';
export * from './parse';
export * from './print';

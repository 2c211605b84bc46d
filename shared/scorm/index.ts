export * from './check';
export * from './plan';
export * from './lms-limits';

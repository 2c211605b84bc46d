export * from './budget';
export * from './findings';
export * from './lint';
export * from './outcomes';
export * from './proof';
export * from './verify';
export * from './exhaustive';

export * from './apply';
export * from './op';

export * from './calls';
export * from './channels';
export * from './client';
export * from './dispatch';
export * from './events';
export * from './result';

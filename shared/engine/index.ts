export * from './course-index';
export * from './expr';
export * from './grade';
export * from './learner';
export * from './mastery';
export * from './placement';
export * from './resolve';
export * from './state-codec';

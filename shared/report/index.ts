export * from './learner-compare';
export * from './review-report';

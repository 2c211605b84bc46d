import pkg from '../../package.json' with { type: 'json' };

export const TAILOR_VERSION: string = pkg.version;

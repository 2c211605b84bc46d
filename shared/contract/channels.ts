/** Names both transports agree on. The preload may import this file and nothing else of ours. */
export const IPC_INVOKE_CHANNEL = 'tailor:invoke';
export const IPC_EVENT_CHANNEL = 'tailor:event';
/** Name of the object the preload exposes on `window`. */
export const BRIDGE_GLOBAL = 'tailorBridge';

export const HTTP_CALL_PREFIX = '/api/call/';
export const HTTP_EVENTS_PATH = '/api/events';

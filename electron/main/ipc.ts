import { fail, type Dispatch, type Result } from '../../shared/contract';
import { isTrustedSender } from './security';

export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string; readonly parent?: unknown } | null;
}

/**
 * The one `ipcMain.handle` listener: refuses foreign frames, then hands the call to dispatch,
 * which validates the payload. Errors come back as values because only `message` survives a throw.
 */
export function createInvokeHandler(dispatch: Dispatch) {
  return async (event: InvokeEventLike, name: unknown, payload: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) {
      return fail('transport', 'Tailor refused a call from a page that is not its own studio.');
    }
    if (typeof name !== 'string') return fail('unknown-call', 'A call must be named with text.');
    return dispatch(name, payload);
  };
}

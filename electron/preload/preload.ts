// Sandboxed preload: exposes invoke/subscribe for the contract and nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/contract/channels';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, {
  invoke: (name: string, payload: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, name, payload),
  subscribe: (event: string, listener: (payload: unknown) => void): (() => void) => {
    const onEvent = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, onEvent);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, onEvent);
    };
  },
});

import { createContext, useContext } from 'react';
import type { AppInfo, ContractClient } from '../../../shared/contract';

export interface BackendValue {
  readonly client: ContractClient;
  readonly info: AppInfo;
}

const BackendContext = createContext<BackendValue | null>(null);

export const BackendProvider = BackendContext.Provider;

/** The contract client and what the host can do; the studio's only way to the backend. */
export function useBackend(): BackendValue {
  const value = useContext(BackendContext);
  if (!value) throw new Error('useBackend must be used inside <BackendProvider>');
  return value;
}

import { BlueprintProvider, Callout, Intent } from '@blueprintjs/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient, type Transport } from '../../shared/contract';
import { App } from './app/App';
import { BackendProvider } from './app/backend-context';
import { MenuProvider } from './commands/menu-hub';

/** Starts the studio over `transport`; main.tsx loads this module once zod's JIT is off. */
export async function boot(transport: Transport): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const client = createClient(transport);
  const info = await client.invoke('app.info', {});
  if (!info.ok) {
    root.render(
      <Callout intent={Intent.DANGER} title="Tailor could not reach its backend" role="alert">
        {info.error.message}
      </Callout>,
    );
    return;
  }
  root.render(
    <StrictMode>
      <BlueprintProvider hotkeysProviderDialogProps={{ title: 'Keyboard shortcuts' }}>
        <BackendProvider value={{ client, info: info.value }}>
          <MenuProvider>
            <App />
          </MenuProvider>
        </BackendProvider>
      </BlueprintProvider>
    </StrictMode>,
  );
}

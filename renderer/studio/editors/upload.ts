import { useCallback, useRef, useState } from 'react';
import { UPLOAD_CHUNK_BYTES, type AssetInfo } from '../../../shared/contract';
import { useBackend } from '../app/backend-context';
import { rememberImported } from './media-store';

export type UploadState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending'; readonly file: string; readonly sent: number; readonly total: number }
  | { readonly kind: 'failed'; readonly message: string };

function base64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

/**
 * Sends files to the document in 512 KiB chunks (the same way under Electron and in a browser,
 * which has no file paths), with progress and a cancel that leaves nothing behind.
 */
export function useUpload(path: string) {
  const { client } = useBackend();
  const [state, setState] = useState<UploadState>({ kind: 'idle' });
  const cancelled = useRef(false);
  const current = useRef<string | null>(null);

  const upload = useCallback(
    async (files: readonly File[]): Promise<AssetInfo[]> => {
      cancelled.current = false;
      const total = files.reduce((n, f) => n + f.size, 0);
      let sent = 0;
      const imported: AssetInfo[] = [];
      for (const file of files) {
        setState({ kind: 'sending', file: file.name, sent, total });
        const begun = await client.invoke('document.uploadBegin', { path, fileName: file.name, size: file.size });
        if (!begun.ok) {
          setState({ kind: 'failed', message: begun.error.message });
          return imported;
        }
        current.current = begun.value.upload;
        for (let at = 0; at < file.size; at += UPLOAD_CHUNK_BYTES) {
          if (cancelled.current) {
            await client.invoke('document.uploadCancel', { upload: begun.value.upload });
            setState({ kind: 'idle' });
            return imported;
          }
          const bytes = new Uint8Array(await file.slice(at, at + UPLOAD_CHUNK_BYTES).arrayBuffer());
          const chunk = await client.invoke('document.uploadChunk', {
            upload: begun.value.upload,
            data: base64(bytes),
          });
          if (!chunk.ok) {
            setState({ kind: 'failed', message: chunk.error.message });
            return imported;
          }
          sent += bytes.length;
          setState({ kind: 'sending', file: file.name, sent, total });
        }
        const finished = await client.invoke('document.uploadFinish', { upload: begun.value.upload });
        current.current = null;
        if (!finished.ok) {
          setState({ kind: 'failed', message: finished.error.message });
          return imported;
        }
        rememberImported(path, finished.value);
        imported.push(finished.value);
      }
      setState({ kind: 'idle' });
      return imported;
    },
    [client, path],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);
  return { state, upload, cancel };
}

import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { UPLOAD_CHUNK_BYTES, type AssetInfo, type DocumentSnapshot } from '../../shared/contract';
import { useTempDirs } from '../../test/fixtures/temp-dir';
import { createBackend } from './backend';
import { headlessPlatform } from './platform';
import { assetNameFor } from './uploads';

const tempDir = useTempDirs();

async function openCourse() {
  const backend = createBackend({ dataDir: tempDir(), platform: headlessPlatform('test'), log: () => {} });
  const created = await backend.dispatch('course.create', { title: 'Media course' });
  if (!created.ok) throw new Error(created.error.message);
  const path = (created.value as { path: string }).path;
  const opened = await backend.dispatch('document.open', { path });
  if (!opened.ok) throw new Error(opened.error.message);
  return { backend, path };
}

const uploadFolders = () => readdirSync(tmpdir()).filter((f) => f.startsWith('tailor-upload-'));

async function send(backend: Awaited<ReturnType<typeof openCourse>>['backend'], path: string, bytes: Buffer) {
  const begun = await backend.dispatch('document.uploadBegin', {
    path,
    fileName: 'Flow chart.png',
    size: bytes.length,
  });
  if (!begun.ok) throw new Error(begun.error.message);
  const { upload } = begun.value as { upload: string };
  for (let at = 0; at < bytes.length; at += UPLOAD_CHUNK_BYTES) {
    const sent = await backend.dispatch('document.uploadChunk', {
      upload,
      data: bytes.subarray(at, at + UPLOAD_CHUNK_BYTES).toString('base64'),
    });
    expect(sent.ok).toBe(true);
  }
  return upload;
}

describe('media uploads from the browser', () => {
  it('imports a file sent in 512 KiB chunks into the document, byte for byte', async () => {
    const { backend, path } = await openCourse();
    const bytes = randomBytes(UPLOAD_CHUNK_BYTES * 2 + 1234);
    const before = uploadFolders().length;
    const upload = await send(backend, path, bytes);
    const finished = await backend.dispatch('document.uploadFinish', { upload });
    expect(finished).toMatchObject({ ok: true, value: { name: 'assets/Flow chart.png', size: bytes.length } });
    expect((finished as { value: AssetInfo }).value.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const reopened = await backend.dispatch('document.open', { path });
    expect((reopened as { value: DocumentSnapshot }).value.assets.map((a) => a.name)).toContain(
      'assets/Flow chart.png',
    );
    expect(uploadFolders().length).toBe(before);
  });

  it('imports nothing and leaves no temporary file when the designer cancels', async () => {
    const { backend, path } = await openCourse();
    const before = uploadFolders().length;
    const upload = await send(backend, path, randomBytes(1000));
    await backend.dispatch('document.uploadCancel', { upload });
    expect(uploadFolders().length).toBe(before);
    const finished = await backend.dispatch('document.uploadFinish', { upload });
    expect(finished).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const reopened = await backend.dispatch('document.open', { path });
    expect((reopened as { value: DocumentSnapshot }).value.assets).toEqual([]);
  });

  it('refuses a chunk larger than 512 KiB, so a request stays under the host limit of 1 MiB', async () => {
    const { backend, path } = await openCourse();
    const begun = await backend.dispatch('document.uploadBegin', { path, fileName: 'a.png', size: 10_000_000 });
    const { upload } = (begun as { value: { upload: string } }).value;
    const sent = await backend.dispatch('document.uploadChunk', {
      upload,
      data: randomBytes(UPLOAD_CHUNK_BYTES + 3).toString('base64'),
    });
    expect(sent).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await backend.dispatch('document.uploadCancel', { upload });
  });

  it('refuses to import a file of which less arrived than was announced', async () => {
    const { backend, path } = await openCourse();
    const begun = await backend.dispatch('document.uploadBegin', { path, fileName: 'clip.mp4', size: 5000 });
    const { upload } = (begun as { value: { upload: string } }).value;
    await backend.dispatch('document.uploadChunk', { upload, data: randomBytes(100).toString('base64') });
    const finished = await backend.dispatch('document.uploadFinish', { upload });
    expect(finished).toMatchObject({ ok: false, error: { message: /Only 100 of 5000 bytes/ } });
  });

  it('names an upload under assets/ without the characters the course format refuses', () => {
    expect(assetNameFor('C:\\Users\\ana\\Q3: plan?.png')).toBe('assets/Q3- plan-.png');
    expect(assetNameFor('..hidden')).toBe('assets/hidden');
  });
});

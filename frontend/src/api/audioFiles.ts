/** /audio-files: announcements and music on hold; uploaded as multipart, played from /content. */
import { useQuery } from '@tanstack/react-query';
import { API_PREFIX } from './client';
import { queryKeys } from './queryKeys';
import { listAll, resource, type Versioned } from './resource';
import { upload, type UploadOptions } from './upload';

export const AUDIO_ACCEPT = '.wav,.mp3,.ogg,.flac,audio/wav,audio/mpeg,audio/ogg,audio/flac';

export interface AudioFile extends Versioned {
  name: string;
  originalFilename: string;
  format: 'wav' | 'mp3' | 'ogg' | 'flac';
  contentType: string;
  sizeBytes: number;
  durationSeconds: number | null;
  sha256: string;
  /** Where the browser plays it from: /api/v1/audio-files/{id}/content. */
  contentUrl: string;
  createdAt: string;
}

const crud = resource<AudioFile, { name: string }>('/audio-files');

export const audioFilesApi = {
  list: crud.list,
  rename: (file: AudioFile, name: string) => crud.update(file, { name }),
  remove: crud.remove,
  upload: (file: File, name: string, options?: UploadOptions) => {
    const form = new FormData();
    form.append('file', file);
    // Without a name the server uses the file name.
    if (name.trim()) form.append('name', name.trim());
    return upload<AudioFile>('/audio-files', form, options);
  },
  contentUrl: (file: AudioFile) => file.contentUrl || `${API_PREFIX}/audio-files/${file.id}/content`,
};

export function useAudioFiles() {
  return useQuery({ queryKey: queryKeys.audioFiles, queryFn: () => listAll(audioFilesApi.list) });
}

// Stores photos picked in a form as `photos` documents linked to their record (validated like any record).
import { newId } from '../../src-shared/common/ids';
import type { Photo, PhotoOwnerCollection } from '../../src-shared/photo/photo';
import { validateDocument } from '../../src-shared/validation/validate';
import type { Actor, AppDatabase, StationProfile } from '../app/app-context';
import { RecordValidationError } from '../db/repositories/record-errors';
import type { PickedPhoto } from './photo-picker';

export function buildPhotoDocuments(
  picked: readonly PickedPhoto[],
  owner: { collection: PhotoOwnerCollection; id: string },
  profile: Pick<StationProfile, 'stationId' | 'countyId'>,
  actor: Actor,
  now: string = new Date().toISOString(),
): Photo[] {
  return picked.map((p) => ({
    id: newId(),
    countyId: profile.countyId,
    stationId: profile.stationId,
    createdAt: now,
    updatedAt: now,
    history: [{ id: newId(), at: now, by: actor.name, role: actor.role, action: 'create' }],
    ownerCollection: owner.collection,
    ownerId: owner.id,
    mimeType: 'image/jpeg',
    width: p.width,
    height: p.height,
    dataBase64: p.dataBase64,
    takenAt: now,
  }));
}

/** Validates every photo first, so that either all are stored or none. */
export async function storePhotos(database: AppDatabase, photos: readonly Photo[]): Promise<void> {
  for (const photo of photos) {
    const result = validateDocument('photos', photo);
    if (!result.valid) throw new RecordValidationError(result.errors);
  }
  if (photos.length > 0) await database.photos.bulkInsert([...photos]);
}

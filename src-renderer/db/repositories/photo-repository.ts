// Photos: downscaled JPEG stored as base64 documents linked to their owner record, replicated like any record.
import type { Observable } from 'rxjs';
import type { Actor } from '../../../src-shared/common/lifecycle';
import type { Photo, PhotoOwnerCollection } from '../../../src-shared/photo/photo';
import type { LiaisonDatabase } from '../database';
import { recordNotFound } from './record-errors';
import { RecordRepository, type RepositoryOptions } from './record-repository';

export interface PhotoOwner {
  collection: PhotoOwnerCollection;
  id: string;
}

/** A downscaled image (see photos/downscale-image.ts). */
export interface PhotoImage {
  dataBase64: string;
  width: number;
  height: number;
}

export class PhotoRepository extends RecordRepository<'photos'> {
  constructor(db: LiaisonDatabase, options: RepositoryOptions = {}) {
    super(db, 'photos', options);
  }

  /** Attaches a photo to a record; the photo belongs to the owner's station. */
  async add(
    owner: PhotoOwner,
    image: PhotoImage,
    actor: Actor,
    details: { caption?: string; takenAt?: string } = {},
  ): Promise<Photo> {
    const ownerDoc = await this.db.collections[owner.collection].findOne(owner.id).exec();
    if (!ownerDoc) throw recordNotFound('照片所属', owner.id);
    return this.create(
      {
        ownerCollection: owner.collection,
        ownerId: owner.id,
        mimeType: 'image/jpeg',
        width: image.width,
        height: image.height,
        dataBase64: image.dataBase64,
        stationId: ownerDoc.stationId,
        countyId: ownerDoc.countyId,
        ...details,
      },
      actor,
    );
  }

  /** Deletes a photo (the deletion replicates like any change). */
  async remove(id: string): Promise<void> {
    const doc = await this.getDocument(id);
    await doc.remove();
  }

  /** The photos of one record, oldest first, kept current. */
  byOwner$(ownerId: string): Observable<Photo[]> {
    return this.find$({ selector: { ownerId: { $eq: ownerId } }, sort: [{ ownerId: 'asc' }, { id: 'asc' }] });
  }

  /** How many photos a record has, kept current. */
  countByOwner$(ownerId: string): Observable<number> {
    return this.countWhere$({ ownerId: { $eq: ownerId } });
  }
}

/** `data:image/jpeg;base64,…` for an <img src>. */
export function photoDataUrl(photo: Pick<Photo, 'mimeType' | 'dataBase64'>): string {
  return `data:${photo.mimeType};base64,${photo.dataBase64}`;
}

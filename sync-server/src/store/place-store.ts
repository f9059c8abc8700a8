// The places part of the Store: counties (县/市/区) and their townships (乡镇/街道), the reference data around stations.
import type { Township } from './document-store';

export type { Township };

export interface County {
  id: string;
  name: string;
}

export interface PlaceStore {
  upsertCounties(counties: readonly County[]): Promise<void>;
  listCounties(): Promise<County[]>;
  getCounty(id: string): Promise<County | null>;
  upsertTownships(townships: readonly Township[]): Promise<void>;
  listTownships(countyId?: string): Promise<Township[]>;
}

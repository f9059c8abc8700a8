// Shrinks a photo in the browser before it is stored: at most 1600 px on the long side, JPEG quality 0.8.
import { DomainError } from '../../../src-shared/common/domain-error';
import { PHOTO_MAX_BASE64_LENGTH } from '../../../src-shared/photo/photo';
import { bytesToBase64 } from '../../platform/base64';
import type { PhotoImage } from '../repositories/photo-repository';

export const maxPhotoLongSide = 1600;
export const photoJpegQuality = 0.8;

/** The target size: the long side at most `maxLongSide`, aspect ratio kept, never enlarged. */
export function fitWithin(
  width: number,
  height: number,
  maxLongSide = maxPhotoLongSide,
): { width: number; height: number } {
  const scale = Math.min(1, maxLongSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function unreadable(): DomainError {
  return new DomainError({
    code: 'photo_unreadable',
    message: '无法读取这张图片，请选择 JPG 或 PNG 格式的照片',
    messageEn: 'The image could not be decoded',
  });
}

/** Decodes an image file (EXIF orientation applied) and re-encodes it as a downscaled JPEG, base64. */
export async function downscaleImage(file: Blob, maxLongSide = maxPhotoLongSide): Promise<PhotoImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw unreadable();
  }
  const size = fitWithin(bitmap.width, bitmap.height, maxLongSide);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw unreadable();
  // JPEG has no transparency: paint white first so transparent PNG areas do not turn black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, size.width, size.height);
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', photoJpegQuality));
  if (!blob) throw unreadable();
  const dataBase64 = bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
  if (dataBase64.length > PHOTO_MAX_BASE64_LENGTH) {
    throw new DomainError({
      code: 'photo_too_large',
      message: '照片缩小后仍然过大，请换一张照片或裁剪后再添加',
      messageEn: 'The photo is still too large after downscaling',
    });
  }
  return { dataBase64, width: size.width, height: size.height };
}

// The photo picker's camera path: Chromium's fake camera stands in for the station PC's webcam; the clerk takes a
// photo in the opinion form, and the stored, downscaled JPEG is shown on the opinion's page.
import { expect, test } from '@playwright/test';
import projectConfig, { chromiumPath } from '../playwright.config';
import { pick, setUpTrainingStation } from './support/clerk-steps';

test.use({
  launchOptions: {
    executablePath: chromiumPath,
    args: [
      ...(projectConfig.use?.launchOptions?.args ?? []),
      // A generated test pattern as the camera, and the permission prompt answered "allow".
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  },
  permissions: ['camera'],
});

test('clerk takes a photo with the PC camera in the opinion form and finds it on the opinion', async ({ page }) => {
  test.setTimeout(60_000);
  await setUpTrainingStation(page, '王文书');
  await page.getByRole('menuitem', { name: '群众意见' }).click();
  await page.getByRole('button', { name: '登记意见' }).click();
  await pick(page, '类别', '市容市貌');
  await page.getByLabel('标题').fill('村口路灯不亮');
  await page.getByLabel('意见建议内容').fill('村口三盏路灯坏了一个多月，晚上看不清路');
  await page.getByLabel('群众姓名').fill('黄志强');

  // The camera opens in a dialog with a live picture; 拍照 takes it and closes the dialog.
  await page.getByRole('button', { name: '用电脑摄像头拍照' }).click();
  const camera = page.getByRole('dialog', { name: '用电脑摄像头拍照' });
  const capture = camera.getByRole('button', { name: '拍照' });
  await expect(capture).toBeEnabled(); // once the first frame is there
  const frame = await camera
    .locator('video')
    .evaluate((v: HTMLVideoElement) => ({ width: v.videoWidth, height: v.videoHeight }));
  expect(frame.width).toBeGreaterThan(0);
  await capture.click();
  await expect(camera).toBeHidden();
  await expect(page.getByText('已添加 1 张')).toBeVisible();
  await expect(page.getByRole('img', { name: '照片' })).toHaveCount(1);

  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/#\/opinions\/[0-9A-Z]{26}$/);

  // Stored as a JPEG within 1600 px on the long side, the camera's aspect ratio kept; shown on the opinion's page.
  const photo = page.getByRole('img', { name: '照片' });
  await expect(photo).toHaveCount(1);
  await expect(photo).toBeVisible();
  const stored = await photo.evaluate((img: HTMLImageElement) => ({
    width: img.naturalWidth,
    height: img.naturalHeight,
    jpeg: img.src.startsWith('data:image/jpeg;base64,'),
  }));
  expect(stored.jpeg).toBe(true);
  expect(Math.max(stored.width, stored.height)).toBeLessThanOrEqual(1600);
  expect(stored.width).toBeGreaterThan(0);
  expect(stored.width / stored.height).toBeCloseTo(frame.width / frame.height, 2);
  test.info().annotations.push({
    type: 'camera',
    description: `frame ${frame.width}×${frame.height}, stored ${stored.width}×${stored.height}`,
  });
});

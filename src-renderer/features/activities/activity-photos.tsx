// The stored photos of an activity, as thumbnails with a preview (and delete, on the edit form).
import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Empty, Image, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { photoDataUrl } from '../../db/repositories/photo-repository';
import { useActivityRepositories, usePhotosOf } from './use-activities';

export function ActivityPhotos({ ownerId, removable = false }: { ownerId: string; removable?: boolean }) {
  const { t } = useTranslation('activities');
  const { modal } = App.useApp();
  const { photos: repository } = useActivityRepositories();
  const photos = usePhotosOf(ownerId);
  const list = photos.value ?? [];
  if (list.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noPhotos')} />;
  return (
    <Image.PreviewGroup>
      <Space wrap>
        {list.map((photo, i) => (
          <div key={photo.id} style={{ position: 'relative' }}>
            <Image
              src={photoDataUrl(photo)}
              width={120}
              height={90}
              style={{ objectFit: 'cover' }}
              alt={`${t('form.photos')} ${i + 1}`}
            />
            {removable ? (
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={`${t('detail.removePhoto')} ${i + 1}`}
                style={{ position: 'absolute', top: 4, right: 4 }}
                onClick={() =>
                  modal.confirm({
                    title: t('detail.removePhotoConfirm'),
                    okButtonProps: { danger: true },
                    onOk: () => repository.remove(photo.id),
                  })
                }
              />
            ) : null}
          </div>
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

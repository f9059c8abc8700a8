// Photos for a record: choose files, drag and drop, or take one with the PC camera; each is downscaled before storing.
import { CameraOutlined, DeleteOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Button, Image, Modal, Space, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downscaleImage } from '../db/photos/downscale-image';

/** A photo picked in a form, not yet stored: the downscaled JPEG. */
export interface PickedPhoto {
  key: string;
  dataBase64: string;
  width: number;
  height: number;
}

interface PhotoPickerProps {
  value?: PickedPhoto[];
  onChange?: (photos: PickedPhoto[]) => void;
  /** Accessible name of the file input (for Playwright's getByLabel). */
  inputLabel?: string;
}

let counter = 0;

function CameraDialog({
  open,
  onClose,
  onCapture,
}: {
  open: boolean;
  onClose: () => void;
  onCapture: (b: Blob) => void;
}) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  // 拍照 waits for the first frame: before it the video is 0×0 and a click would take nothing.
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!open) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    setError(null);
    setReady(false);
    navigator.mediaDevices
      ?.getUserMedia({ video: { width: { ideal: 1600 } }, audio: false })
      .then((s) => {
        if (stopped) {
          for (const track of s.getTracks()) track.stop();
          return;
        }
        stream = s;
        if (videoRef.current) {
          videoRef.current.srcObject = s;
          void videoRef.current.play();
        }
      })
      .catch((e: unknown) =>
        setError(t('photo.cameraUnavailable', { message: e instanceof Error ? e.message : String(e) })),
      );
    if (!navigator.mediaDevices) setError(t('photo.cameraUnavailable', { message: 'mediaDevices' }));
    return () => {
      stopped = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [open, t]);

  function capture() {
    const video = videoRef.current;
    if (!video || video.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    canvas.toBlob((blob) => {
      if (blob) onCapture(blob);
      onClose();
    }, 'image/jpeg');
  }

  return (
    <Modal
      open={open}
      title={t('photo.camera')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('actions.cancel')}
        </Button>,
        <Button key="capture" type="primary" icon={<CameraOutlined />} onClick={capture} disabled={!!error || !ready}>
          {t('photo.capture')}
        </Button>,
      ]}
    >
      {error ? (
        <Typography.Text type="danger">{error}</Typography.Text>
      ) : (
        <video
          ref={videoRef}
          style={{ width: '100%', background: '#000' }}
          muted
          playsInline
          onLoadedData={() => setReady(true)}
        />
      )}
    </Modal>
  );
}

export function PhotoPicker({ value = [], onChange, inputLabel }: PhotoPickerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(0);
  const [cameraOpen, setCameraOpen] = useState(false);
  const latest = useRef(value);
  latest.current = value;

  async function add(blob: Blob, name: string) {
    if (!blob.type.startsWith('image/')) {
      void message.error(t('photo.notImage', { name }));
      return;
    }
    setBusy((n) => n + 1);
    try {
      const photo = await downscaleImage(blob);
      counter += 1;
      const next = [...latest.current, { key: `p${Date.now()}-${counter}`, ...photo }];
      latest.current = next;
      onChange?.(next);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy((n) => n - 1);
    }
  }

  function remove(key: string) {
    const next = latest.current.filter((p) => p.key !== key);
    latest.current = next;
    onChange?.(next);
  }

  return (
    <div>
      <Upload.Dragger
        accept="image/*"
        multiple
        showUploadList={false}
        aria-label={inputLabel}
        beforeUpload={(file) => {
          void add(file, file.name);
          return false;
        }}
        style={{ padding: 4 }}
      >
        <p className="ant-upload-drag-icon" style={{ marginBottom: 4 }}>
          <InboxOutlined />
        </p>
        <p className="ant-upload-hint">{busy > 0 ? t('photo.processing') : t('photo.dropHint')}</p>
      </Upload.Dragger>
      <Space style={{ marginTop: 8 }} wrap>
        <Button icon={<CameraOutlined />} onClick={() => setCameraOpen(true)}>
          {t('photo.camera')}
        </Button>
        {value.length > 0 ? (
          <Typography.Text type="secondary">{t('photo.count', { count: value.length })}</Typography.Text>
        ) : null}
      </Space>
      {value.length > 0 ? (
        <Space style={{ marginTop: 8 }} wrap>
          {value.map((photo) => (
            <div key={photo.key} style={{ position: 'relative' }}>
              <Image
                src={`data:image/jpeg;base64,${photo.dataBase64}`}
                width={96}
                height={72}
                style={{ objectFit: 'cover' }}
                alt={t('photo.label')}
              />
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('photo.remove')}
                onClick={() => remove(photo.key)}
                style={{ position: 'absolute', top: 2, right: 2 }}
              />
            </div>
          ))}
        </Space>
      ) : null}
      <CameraDialog
        open={cameraOpen}
        onClose={() => setCameraOpen(false)}
        onCapture={(blob) => void add(blob, 'camera.jpg')}
      />
    </div>
  );
}

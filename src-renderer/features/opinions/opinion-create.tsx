// 登记群众意见: the full intake form; leaving with unsaved input asks first.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useStationRepresentatives } from '../../app/use-reference-data';
import { OpinionIntakeForm } from '../../ui/opinion-intake-form';
import { useUnsavedChangesGuard } from '../../ui/unsaved-changes-guard';

export function OpinionCreate() {
  const { t } = useTranslation('opinions');
  const navigate = useNavigate();
  const representatives = useStationRepresentatives();
  const [dirty, setDirty] = useState(false);
  const [savedId, setSavedId] = useState<string | null>(null);
  useUnsavedChangesGuard(dirty);

  // Navigate only after the guard saw the form become clean.
  useEffect(() => {
    if (savedId && !dirty) navigate(`../${savedId}`, { replace: true });
  }, [savedId, dirty, navigate]);

  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('..')}>
          {t('detail.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('createTitle')}
        </Typography.Title>
      </Space>
      <Card>
        <OpinionIntakeForm
          mode="full"
          representatives={representatives.items}
          onDirtyChange={setDirty}
          onSaved={(opinion) => {
            setDirty(false);
            setSavedId(opinion.id);
          }}
        />
      </Card>
    </div>
  );
}

// Personal data shown masked (张*, 138****5678, 4501**********1234) unless the page has revealed it on purpose.
import { EyeOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../src-shared/privacy/masking';

export type PersonalDataKind = 'name' | 'phone' | 'idNumber' | 'address';

const maskers: Record<PersonalDataKind, (value: unknown) => string> = {
  name: maskName,
  phone: maskPhone,
  idNumber: maskIdNumber,
  address: maskAddress,
};

interface MaskedTextProps {
  value: string | undefined;
  kind: PersonalDataKind;
  /** True after the clerk revealed personal data (and the reveal was recorded in history). */
  revealed?: boolean;
}

export function MaskedText({ value, kind, revealed = false }: MaskedTextProps) {
  const { t } = useTranslation();
  if (!value) return <Typography.Text type="secondary">{t('notSet')}</Typography.Text>;
  return <span data-masked={revealed ? 'false' : 'true'}>{revealed ? value : maskers[kind](value)}</span>;
}

interface RevealButtonProps {
  revealed: boolean;
  /** Records the reveal in the record's history, then shows the data. */
  onReveal: () => void | Promise<void>;
  loading?: boolean;
}

/** The explicit action that reveals personal data; asks first because the reveal is recorded. */
export function RevealPersonalDataButton({ revealed, onReveal, loading }: RevealButtonProps) {
  const { t } = useTranslation();
  if (revealed) return <Typography.Text type="warning">{t('masked.revealed')}</Typography.Text>;
  return (
    <Popconfirm
      title={t('masked.revealConfirm')}
      okText={t('actions.confirm')}
      cancelText={t('actions.cancel')}
      onConfirm={() => onReveal()}
    >
      <Button size="small" icon={<EyeOutlined />} loading={loading}>
        {t('masked.reveal')}
      </Button>
    </Popconfirm>
  );
}

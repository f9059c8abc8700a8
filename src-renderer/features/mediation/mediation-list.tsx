// The list of mediation cases: number, date, dispute type, parties (masked), status; filter by status and number.
import { Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { labelOf } from '../../../src-shared/common/labels';
import {
  disputeTypes,
  type MediationCase,
  type MediationCaseStatus,
  mediationCaseFieldLabels,
  mediationCaseStatuses,
  partyRoles,
} from '../../../src-shared/mediation-case/mediation-case';
import { maskName } from '../../../src-shared/privacy/masking';
import { formatDate } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import { ListTable } from '../../ui/list-table';
import { PageCard } from '../../ui/page-card';
import { StatusTag } from '../../ui/status-tag';
import { useMediationCases } from './use-mediation';

export function MediationList() {
  const { t } = useTranslation('mediation');
  const locale = useLocale();
  const navigate = useNavigate();
  const [status, setStatus] = useState<MediationCaseStatus | undefined>(undefined);
  const [text, setText] = useState('');
  const cases = useMediationCases(status, text);

  return (
    <PageCard title={t('title')} subtitle={t('subtitle')} create={{ label: t('list.register') }}>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          aria-label={t('list.statusFilter')}
          style={{ width: 160 }}
          allowClear
          placeholder={t('list.allStatuses')}
          value={status}
          onChange={(value: MediationCaseStatus | undefined) => setStatus(value)}
          options={mediationCaseStatuses.options(locale)}
        />
        <Input.Search
          aria-label={t('list.search')}
          placeholder={t('list.search')}
          allowClear
          style={{ width: 260 }}
          onSearch={setText}
        />
        <Typography.Text type="secondary">{t('list.maskedHint')}</Typography.Text>
      </Space>
      <ListTable<MediationCase>
        rows={cases}
        empty={t('list.empty')}
        onOpen={(record) => navigate(record.id)}
        columns={[
          {
            title: mediationCaseFieldLabels.caseNumber[locale],
            dataIndex: 'caseNumber',
            render: (value: string, record) => <Link to={record.id}>{value}</Link>,
          },
          {
            title: mediationCaseFieldLabels.registeredOn[locale],
            dataIndex: 'registeredOn',
            render: (value: string) => formatDate(value, locale),
          },
          {
            title: mediationCaseFieldLabels.disputeType[locale],
            dataIndex: 'disputeType',
            render: (value: MediationCase['disputeType']) => disputeTypes.label(value, locale),
          },
          {
            title: t('list.parties'),
            key: 'parties',
            render: (_, record) =>
              record.parties.map((p) => `${labelOf(partyRoles.labels, p.role, locale)} ${maskName(p.name)}`).join('，'),
          },
          {
            title: mediationCaseFieldLabels.status[locale],
            dataIndex: 'status',
            render: (value: MediationCaseStatus) => <StatusTag status={value} labels={mediationCaseStatuses.labels} />,
          },
          {
            title: t('list.actions'),
            key: 'actions',
            render: (_, record) => <Link to={record.id}>{t('list.open')}</Link>,
          },
        ]}
      />
    </PageCard>
  );
}

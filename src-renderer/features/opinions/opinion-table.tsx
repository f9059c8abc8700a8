// The virtualized opinion table (50,000 rows stay responsive): masked personal data, status tags, row → detail.
import { Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../../src-shared/common/labels';
import { type Opinion, opinionCategories, opinionStatuses } from '../../../src-shared/opinion/opinion';
import { isOpinionOverdue } from '../../../src-shared/opinion/opinion-deadline';
import type { Representative } from '../../../src-shared/representative/representative';
import { formatDate, formatDateTime, todayInStation } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import type { OpinionSortField } from '../../state/opinion-filter-store';
import { MaskedText } from '../../ui/masked-text';
import { StatusTag } from '../../ui/status-tag';
import './opinions.css';

interface OpinionTableProps {
  opinions: Opinion[];
  representatives: ReadonlyMap<string, Representative>;
  loading: boolean;
  height: number;
  sortField: OpinionSortField;
  sortOrder: 'asc' | 'desc';
  onSort: (field: OpinionSortField, order: 'asc' | 'desc') => void;
  onOpen: (id: string) => void;
}

export function OpinionTable(props: OpinionTableProps) {
  const { opinions, representatives, loading, height, sortField, sortOrder, onSort, onOpen } = props;
  const { t } = useTranslation('opinions');
  const locale = useLocale();
  // Judged on the station's date each render: a list left open overnight turns red the next morning on any update.
  const today = todayInStation();
  const order = (field: OpinionSortField) =>
    sortField === field ? (sortOrder === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  const columns: TableProps<Opinion>['columns'] = [
    {
      key: 'receivedAt',
      title: t('columns.receivedAt'),
      dataIndex: 'receivedAt',
      width: 130,
      sorter: true,
      sortOrder: order('receivedAt'),
      sortDirections: ['descend', 'ascend', 'descend'],
      render: (value: string) => formatDateTime(value, locale),
    },
    { key: 'title', title: t('columns.title'), dataIndex: 'title', ellipsis: true, width: 150 },
    {
      key: 'category',
      title: t('columns.category'),
      dataIndex: 'category',
      width: 110,
      ellipsis: true,
      render: (value: string) => labelOf(opinionCategories.labels, value, locale),
    },
    {
      key: 'visitorName',
      title: t('columns.visitorName'),
      width: 75,
      render: (_: unknown, o: Opinion) => <MaskedText value={o.visitor?.name} kind="name" />,
    },
    {
      key: 'visitorPhone',
      title: t('columns.visitorPhone'),
      width: 110,
      render: (_: unknown, o: Opinion) => <MaskedText value={o.visitor?.phone} kind="phone" />,
    },
    {
      key: 'representative',
      title: t('columns.representative'),
      width: 80,
      render: (_: unknown, o: Opinion) => representatives.get(o.representativeId)?.name ?? '—',
    },
    {
      key: 'deadline',
      title: t('columns.deadline'),
      // Room for the date and the 超期 tag on one line.
      width: 140,
      render: (_: unknown, o: Opinion) => {
        if (!o.assignment) return null;
        const late = isOpinionOverdue(o, today);
        return (
          <Space size={4} wrap={false}>
            <Typography.Text type={late ? 'danger' : undefined} strong={late}>
              {formatDate(o.assignment.deadline, locale)}
            </Typography.Text>
            {late ? <Tag color="red">{t('overdueTag')}</Tag> : null}
          </Space>
        );
      },
    },
    {
      key: 'status',
      title: t('columns.status'),
      dataIndex: 'status',
      width: 85,
      render: (value: string) => <StatusTag status={value} labels={opinionStatuses.labels} />,
    },
    {
      key: 'updatedAt',
      title: t('columns.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      sorter: true,
      sortOrder: order('updatedAt'),
      sortDirections: ['descend', 'ascend', 'descend'],
      render: (value: string) => formatDateTime(value, locale),
    },
  ];

  // Virtual tables need every column's width; the sum is the scroll width (about 1,030 px: fits 1280×720 beside the menu).
  const tableWidth = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0);

  return (
    // A region names the list: the virtual table's body is not a <table>, so the region is what tests and readers find.
    <section aria-label={t('tableLabel')}>
      <Table<Opinion>
        rowKey="id"
        size="small"
        virtual
        loading={loading}
        columns={columns}
        dataSource={opinions}
        pagination={false}
        scroll={{ x: tableWidth, y: height }}
        onChange={(_pagination, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = s?.columnKey === 'updatedAt' ? 'updatedAt' : 'receivedAt';
          onSort(field, s?.order === 'ascend' ? 'asc' : 'desc');
        }}
        rowClassName={(record) => (isOpinionOverdue(record, today) ? 'opinion-row-overdue' : '')}
        onRow={(record) => ({
          onClick: () => onOpen(record.id),
          style: { cursor: 'pointer' },
        })}
      />
    </section>
  );
}

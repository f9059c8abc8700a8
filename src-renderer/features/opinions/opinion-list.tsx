// The 群众意见 list: filters (status, category, dates, representative, text) and the virtualized table.
import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { opinionCategories, opinionStatuses } from '../../../src-shared/opinion/opinion';
import { useStationRepresentatives } from '../../app/use-reference-data';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import { useOpinionFilterStore } from '../../state/opinion-filter-store';
import { OpinionTable } from './opinion-table';
import { useOpinionList } from './use-opinions';

/** Table body height that fills the window below the filters (virtual tables need a number). */
function useTableHeight(offset: number): number {
  const [height, setHeight] = useState(() => Math.max(240, window.innerHeight - offset));
  useEffect(() => {
    const onResize = () => setHeight(Math.max(240, window.innerHeight - offset));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [offset]);
  return height;
}

export function OpinionList() {
  const { t } = useTranslation('opinions');
  const locale = useLocale();
  const navigate = useNavigate();
  const filters = useOpinionFilterStore();
  const representatives = useStationRepresentatives(true);
  const { opinions, total, loading, counting } = useOpinionList();
  const [text, setText] = useState(filters.text);
  const height = useTableHeight(300);

  // Search as the clerk types, but only once they pause (a scan of 50,000 contents per keystroke is wasteful).
  useEffect(() => {
    const timer = setTimeout(() => filters.setFilters({ text }), 250);
    return () => clearTimeout(timer);
  }, [text, filters.setFilters]);

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Space align="baseline">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary" aria-live="polite" data-testid="opinion-count">
            {counting && !loading ? (
              <Space size={4}>
                <Spin size="small" />
                {t('counting', { shown: formatNumber(opinions.length, locale) })}
              </Space>
            ) : (
              t('count', { total: formatNumber(total ?? opinions.length, locale) })
            )}
          </Typography.Text>
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('new')}>
          {t('create')}
        </Button>
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('filters.status')}
          placeholder={t('filters.status')}
          style={{ width: 160 }}
          maxTagCount="responsive"
          value={filters.status}
          onChange={(status: string[]) => filters.setFilters({ status })}
          options={opinionStatuses.options(locale)}
        />
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('filters.category')}
          placeholder={t('filters.category')}
          style={{ width: 160 }}
          maxTagCount="responsive"
          value={filters.category}
          onChange={(category: string[]) => filters.setFilters({ category })}
          options={opinionCategories.options(locale)}
        />
        <DatePicker.RangePicker
          aria-label={t('filters.dateRange')}
          placeholder={[t('filters.dateFrom'), t('filters.dateTo')]}
          style={{ width: 230 }}
          value={[filters.dateFrom ? dayjs(filters.dateFrom) : null, filters.dateTo ? dayjs(filters.dateTo) : null]}
          allowEmpty={[true, true]}
          onChange={(range) =>
            filters.setFilters({
              dateFrom: range?.[0]?.format('YYYY-MM-DD') ?? null,
              dateTo: range?.[1]?.format('YYYY-MM-DD') ?? null,
            })
          }
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('filters.representative')}
          placeholder={t('filters.representative')}
          style={{ width: 120 }}
          value={filters.representativeId ?? undefined}
          onChange={(value: string | undefined) => filters.setFilters({ representativeId: value ?? null })}
          options={representatives.items.map((r) => ({ value: r.id, label: r.name }))}
        />
        <Input.Search
          allowClear
          aria-label={t('filters.text')}
          placeholder={t('filters.text')}
          style={{ width: 180 }}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(value) => filters.setFilters({ text: value })}
        />
        <Button
          onClick={() => {
            setText('');
            filters.reset();
          }}
        >
          {t('filters.reset')}
        </Button>
      </Flex>
      <OpinionTable
        opinions={opinions}
        representatives={representatives.byId}
        loading={loading}
        height={height}
        sortField={filters.sortField}
        sortOrder={filters.sortOrder}
        onSort={filters.setSort}
        onOpen={(id) => navigate(id)}
      />
      {!loading && total !== undefined && total > opinions.length ? (
        <Flex justify="center" gap={12} align="center" style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">
            {t('shown', { shown: formatNumber(opinions.length, locale), total: formatNumber(total, locale) })}
          </Typography.Text>
          <Button onClick={filters.showMore}>{t('showMore')}</Button>
        </Flex>
      ) : null}
    </div>
  );
}

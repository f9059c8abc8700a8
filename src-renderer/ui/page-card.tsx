// The card a station page sits in (the lists, the longer forms): a title, an optional grey line under it, and on the
// right an action — the primary "new" button of a list, or anything else.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';

export interface PageCardProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** The list's "new" button: a primary button with a plus that opens `to` (default `new`, relative to the list). */
  create?: { label: string; to?: string };
  /** Anything else on the right of the header. */
  extra?: ReactNode;
  children: ReactNode;
}

export function PageCard({ title, subtitle, create, extra, children }: PageCardProps) {
  const navigate = useNavigate();
  const heading = (
    <Typography.Title level={4} style={{ margin: 0 }}>
      {title}
    </Typography.Title>
  );
  return (
    <Card
      title={
        subtitle === undefined ? (
          heading
        ) : (
          <Space direction="vertical" size={0}>
            {heading}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {subtitle}
            </Typography.Text>
          </Space>
        )
      }
      extra={
        create ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(create.to ?? 'new')}>
            {create.label}
          </Button>
        ) : (
          extra
        )
      }
    >
      {children}
    </Card>
  );
}
